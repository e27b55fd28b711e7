// Quarantined input rows by file and reason (the whole build; filters do not apply).
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Query } from '@cubejs-client/core';
import { loadRows } from '../../../lib/cube-client';
import { toNumber } from '../../../lib/format';
import { QUARANTINE } from './members';

export interface QuarantineCell {
  readonly file: string;
  readonly reason: string;
  readonly count: number;
}

export const quarantineQuery: Query = {
  measures: [QUARANTINE.rowCount],
  dimensions: [QUARANTINE.file, QUARANTINE.reason],
  order: { [QUARANTINE.rowCount]: 'desc' },
  limit: 1000,
};

export async function getQuarantine(signal?: AbortSignal): Promise<QuarantineCell[]> {
  const rows = await loadRows(quarantineQuery, signal);
  return rows.map((r) => ({ file: String(r[QUARANTINE.file] ?? ''), reason: String(r[QUARANTINE.reason] ?? ''), count: toNumber(r[QUARANTINE.rowCount]) ?? 0 }));
}

export const quarantineQueryOptions = () => queryOptions({ queryKey: ['data-quality', 'quarantine'], queryFn: ({ signal }) => getQuarantine(signal) });

export function useQuarantine() {
  return useQuery(quarantineQueryOptions());
}
