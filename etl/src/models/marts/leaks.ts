/**
 * leaks — one row per MQL per leak kind (not_in_crm, not_handed_off, not_touched; see leads).
 * The person's name, company and CRM link are copied from leads so the leak list reads this
 * table alone: a join back to leads made every list and count scan all leads (10M rows).
 */
import { sql } from 'kysely';
import { ref, type Model } from '../model';

/** The leak kinds, each a boolean `leak_<kind>` of `leads`. */
const LEAK_KINDS = ['not_in_crm', 'not_handed_off', 'not_touched'] as const;

export const leaks: Model = {
  name: 'leaks',
  layer: 'marts',
  materialized: 'table',
  // One filtered select per kind: a lateral list of the three kinds per lead was planned as a
  // dependent join that copied every lead first (10M leads: 18 s, of which 8 s scanning the copy).
  query: () => sql`
    select lead_id, kind, mql_at, channel, owner, team, region, full_name, company, crm_url
    from (
      ${sql.join(
        LEAK_KINDS.map((kind) => sql`select l.lead_id, ${sql.lit(kind)} as kind, l.mql_at, l.channel, l.owner, l.team, l.region, l.full_name, l.company, l.crm_url
          from ${ref('leads')} l where ${sql.ref(`l.leak_${kind}`)}`),
        sql` union all `,
      )}
    )
    -- Newest MQL first, the leak list's default order: its first page reads a few row groups.
    order by mql_at desc, lead_id, kind`,
};
