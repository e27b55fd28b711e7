/** leaks — one row per MQL per leak kind (not_in_crm, not_handed_off, not_touched; see leads). */
import { sql } from 'kysely';
import { ref, type Model } from '../model';

export const leaks: Model = {
  name: 'leaks',
  layer: 'marts',
  materialized: 'table',
  query: () => sql`
    select l.lead_id, k.kind, l.mql_at, l.channel, l.owner, l.team, l.region
    from ${ref('leads')} l
    cross join lateral (values
      ('not_in_crm', l.leak_not_in_crm), ('not_handed_off', l.leak_not_handed_off), ('not_touched', l.leak_not_touched)
    ) k(kind, flagged)
    where k.flagged
    -- Newest MQL first, the leak list's default order: its first page reads a few row groups.
    order by l.mql_at desc, l.lead_id, k.kind`,
};
