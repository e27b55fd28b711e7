/**
 * Warns (never stops the build) about raw values the agreement does not map, as dbt's
 * `severity: warn`: rejection reasons no `rejection_reasons:` entry names, and Marketo
 * programs no export names. Each is grouped as "Other (unmapped)" in the marts; the warning
 * lists the raw values with their lead counts and says where to map them.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { UNMAPPED_LABEL } from '../agreement/agreement';
import { literal, queryRows } from '../load/sql-text';

export interface UnmappedValue {
  readonly kind: 'rejection_reason' | 'campaign';
  readonly system: string;
  readonly value: string;
  readonly leads: number;
}

/** Raw values grouped as "Other (unmapped)" in the leads mart, most leads first. */
export async function findUnmappedValues(connection: DuckDBConnection): Promise<UnmappedValue[]> {
  const label = literal(UNMAPPED_LABEL);
  return queryRows<UnmappedValue>(
    connection,
    `select 'rejection_reason' as kind, rejection_reason_system as system, rejection_reason_raw as value, count(*)::integer as leads
       from main.leads where rejection_reason = ${label} group by all
     union all
     select 'campaign', 'marketo', campaign_raw, count(*)::integer
       from main.leads where campaign = ${label} group by all
     order by kind desc, leads desc, system, value`,
  );
}

const MAX_LISTED = 10;

/** One warning per kind with unmapped values; none when every value is mapped. */
export function describeUnmapped(values: readonly UnmappedValue[]): string[] {
  const warnings: string[] = [];
  const kinds = [
    { kind: 'rejection_reason', what: ['rejection reason', 'rejection reasons'], fix: 'map them under rejection_reasons.<system> in agreement.yml' },
    { kind: 'campaign', what: ['Marketo program id with no name in the exports', 'Marketo program ids with no name in the exports'], fix: 'export the leads with acquisitionProgramName, or include the program\'s "Change Status in Progression" (104) activities' },
  ] as const;
  for (const { kind, what, fix } of kinds) {
    const rows = values.filter((v) => v.kind === kind);
    if (rows.length === 0) continue;
    const total = rows.reduce((sum, r) => sum + r.leads, 0);
    const listed = rows.slice(0, MAX_LISTED).map((r) => `${r.system} "${r.value}" (${r.leads.toLocaleString('en-US')})`);
    const more = rows.length > MAX_LISTED ? `, and ${rows.length - MAX_LISTED} more` : '';
    warnings.push(`${rows.length} ${what[rows.length === 1 ? 0 : 1]} grouped as "${UNMAPPED_LABEL}" (${total.toLocaleString('en-US')} lead${total === 1 ? '' : 's'}): ${listed.join(', ')}${more}; ${fix}.`);
  }
  return warnings;
}

export async function checkVocabulary(connection: DuckDBConnection): Promise<string[]> {
  return describeUnmapped(await findUnmappedValues(connection));
}
