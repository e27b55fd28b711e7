// The agreement this warehouse was built with (`agreement` view): every term, grouped by section.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Query } from '@cubejs-client/core';
import { loadRows } from '../../../lib/cube-client';

export const AGREEMENT = {
  section: 'agreement.section',
  position: 'agreement.position',
  subject: 'agreement.subject',
  item: 'agreement.item',
  value: 'agreement.value',
} as const;

export interface AgreementTerm {
  readonly subject: string | null;
  readonly item: string | null;
  readonly value: string;
}

/** section → its terms in order. */
export type AgreementTerms = ReadonlyMap<string, readonly AgreementTerm[]>;

export const agreementTermsQuery: Query = {
  dimensions: [AGREEMENT.section, AGREEMENT.position, AGREEMENT.subject, AGREEMENT.item, AGREEMENT.value],
  order: [[AGREEMENT.section, 'asc'], [AGREEMENT.position, 'asc']],
  limit: 10000,
};

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** The build time is not an agreement term (identical inputs give identical marts): `freshness` has it. */
export const builtAtQuery: Query = { dimensions: ['freshness.built_at'], limit: 1 };

export async function getAgreementTerms(signal?: AbortSignal): Promise<AgreementTerms> {
  const [rows, built] = await Promise.all([loadRows(agreementTermsQuery, signal), loadRows(builtAtQuery, signal)]);
  const out = new Map<string, AgreementTerm[]>();
  const builtAt = text(built[0]?.['freshness.built_at']);
  if (builtAt !== null) out.set('build', [{ subject: null, item: 'built_at', value: builtAt }]);
  for (const r of rows) {
    const section = String(r[AGREEMENT.section]);
    const list = out.get(section) ?? [];
    list.push({ subject: text(r[AGREEMENT.subject]), item: text(r[AGREEMENT.item]), value: text(r[AGREEMENT.value]) ?? '' });
    out.set(section, list);
  }
  return out;
}

/** The single value of a setting (`sales_sla` / `hours`), or null. */
export function termValue(terms: AgreementTerms, section: string, item: string): string | null {
  return terms.get(section)?.find((t) => t.item === item)?.value ?? null;
}

export const agreementTermsQueryOptions = () =>
  queryOptions({ queryKey: ['agreement', 'terms'], queryFn: ({ signal }) => getAgreementTerms(signal), staleTime: 60_000 });

export function useAgreementTerms() {
  return useQuery(agreementTermsQueryOptions());
}
