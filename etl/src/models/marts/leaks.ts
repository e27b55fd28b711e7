/**
 * leaks — one row per MQL per leak kind (not_in_crm, not_handed_off, not_touched; see leads).
 * The person's name, company and CRM link are copied from leads so the leak list reads this
 * table alone: a join back to leads made every list and count scan all leads (10M rows).
 */
import { sql } from 'kysely';
import { ref, type Model } from '../model';

export const leaks: Model = {
  name: 'leaks',
  layer: 'marts',
  materialized: 'table',
  query: () => sql`
    select l.lead_id, k.kind, l.mql_at, l.channel, l.owner, l.team, l.region, l.full_name, l.company, l.crm_url
    from ${ref('leads')} l
    cross join lateral (values
      ('not_in_crm', l.leak_not_in_crm), ('not_handed_off', l.leak_not_handed_off), ('not_touched', l.leak_not_touched)
    ) k(kind, flagged)
    where k.flagged
    -- Newest MQL first, the leak list's default order: its first page reads a few row groups.
    order by l.mql_at desc, l.lead_id, k.kind`,
};
