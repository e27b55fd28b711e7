/**
 * int_stage_signals_collapsed — one row per person with a stage signal (`person_key`): the first
 * date of each kind of signal per side (CRM / MA), the re-MQL count, and the lists of owner
 * assignments and touches `leads` searches for the handoff and the first touch after it.
 * How `leads` chooses between the sides is documented there.
 *
 * Built in slices of people when there are many signals (`slices`): the list and
 * distinct-count states do not spill to disk.
 */
import { sql } from 'kysely';
import { inSlice, ref, type Model } from '../model';

export const intStageSignalsCollapsed: Model = {
  name: 'int_stage_signals_collapsed',
  layer: 'intermediate',
  materialized: 'table',
  slices: { input: 'int_stage_events_reconstructed', rowsPerGiB: 1_400_000, key: 'person_key' },
  query: (ctx) => sql`
    select
      person_key,
      min(event_at) filter (where kind = 'mql') as mql_direct_at,
      greatest(
        count(distinct event_at) filter (where kind = 'mql' and counts and role = 'ma'),
        count(distinct event_at) filter (where kind = 'mql' and counts and role = 'crm')
      )::integer as mql_events,
      min({'t': event_at, 'i': inferred}) filter (where kind = 'sal' and role = 'crm') as sal_crm,
      min({'t': event_at, 'i': inferred}) filter (where kind = 'sal' and role = 'ma') as sal_ma,
      min({'t': event_at, 'i': inferred, 'd': detail, 's': system}) filter (where kind = 'rejected' and role = 'crm') as rejected_crm,
      min({'t': event_at, 'i': inferred, 'd': detail, 's': system}) filter (where kind = 'rejected' and role = 'ma') as rejected_ma,
      min(event_at) filter (where kind = 'sql' and role = 'crm') as sql_crm_at,
      min(event_at) filter (where kind = 'sql' and role = 'ma') as sql_ma_at,
      min(event_at) filter (where kind = 'sal' and system = 'hubspot' and detail = 'Became a Sales Qualified Lead Date') as hs_became_sql_at,
      list(event_at) filter (where kind = 'owner_assigned') as owner_assignments,
      list(event_at) filter (where kind = 'touch') as touches
    from ${ref('int_stage_events_reconstructed')}
    where ${inSlice(ctx, sql`person_key`)}
    group by person_key`,
};
