/** The data tests run on every build (dbt's schema.yml, as code). */
import { sql } from 'kysely';
import { UNMAPPED_LABEL } from '../agreement/agreement';
import { STAGE_ORDER } from '../models/marts/stage-events';
import { acceptedValues, expression, notNull, relationships, rowCount, unique, type DataTest } from './generic-tests';

const LEAK_KINDS = ['not_in_crm', 'not_handed_off', 'not_touched'];
const SYSTEMS = ['salesforce', 'marketo', 'hubspot'];

export const warehouseTests: readonly DataTest[] = [
  // leads
  unique('leads', ['lead_id']),
  notNull('leads', 'lead_id'),
  // With lead_id unique, one person_key per lead_id: the marts of events join on it.
  unique('leads', ['person_key']),
  notNull('leads', 'person_key'),
  notNull('leads', 'created_at'),
  notNull('leads', 'stage'),
  notNull('leads', 'channel'),
  notNull('leads', 'segment'),
  notNull('leads', 'region'),
  acceptedValues('leads', 'stage', STAGE_ORDER),
  acceptedValues('leads', 'source_system', SYSTEMS),
  acceptedValues('leads', 'sla_status', ['met', 'breached', 'pending'], { allowNull: true }),
  relationships('leads', 'opportunity_id', 'opportunities', 'opportunity_id'),
  // accepted values from the agreement (its seeds in schema `agreement`)
  expression('leads', 'accepted_values(segment) from the agreement', sql`segment <> 'Unknown' and segment not in (select name from agreement.agreement_segments)`),
  expression('leads', 'accepted_values(region) from the agreement', sql`region <> 'Unknown' and region not in (select region from agreement.agreement_regions)`),
  expression('leads', 'accepted_values(channel) from the agreement', sql`channel <> 'Other' and channel not in (select channel from agreement.agreement_channels)`),
  // One vocabulary: every rejected lead has its reason as exported and the agreed one; the
  // agreed one is a reason of the agreement or "Other (unmapped)" (listed in the build summary).
  expression('leads', 'rejection_reason with every rejection_reason_raw', sql`(rejection_reason is null) <> (rejection_reason_raw is null) or (rejected_at is null) <> (rejection_reason_raw is null)`),
  expression('leads', 'accepted_values(rejection_reason) from the agreement', sql`rejection_reason is not null and (select rejection_reasons_mapped from agreement.agreement_vocabulary)
    and rejection_reason <> ${UNMAPPED_LABEL} and rejection_reason not in (select reason from agreement.agreement_rejection_reasons)`),
  expression('leads', 'created_at ≤ mql_at', sql`mql_at < created_at`),
  expression('leads', 'mql_at ≤ sal_at ≤ sql_at', sql`sal_at < mql_at or sql_at < sal_at or sql_at < mql_at`),
  expression('leads', 'sql_at ≤ won_at / lost_at (by day: close dates are dates)', sql`won_at::date < sql_at::date or lost_at::date < sql_at::date`),
  expression('leads', 'mql_at ≤ handoff_at ≤ first_touch_at', sql`handoff_at < mql_at or first_touch_at < handoff_at`),
  expression('leads', 'never rejected first and then accepted or converted', sql`rejected_at is not null and (sql_at is not null or sal_at > rejected_at)`),
  expression('leads', 'not both won and lost', sql`won_at is not null and lost_at is not null`),
  expression('leads', 'sla_status set exactly for marketing handoffs (handed off, MQL not inferred)', sql`(handoff_at is null or mql_inferred) <> (sla_status is null)`),
  expression('leads', 'won_amount ≥ 0', sql`won_amount < 0`),
  expression('leads', 'mql_times ≥ 1 for MQLs, 0 otherwise', sql`(mql_at is not null and mql_times < 1) or (mql_at is null and mql_times <> 0)`),
  expression('leads', 'is_leak = any leak flag', sql`is_leak <> (leak_not_in_crm or leak_not_handed_off or leak_not_touched)`),
  // opportunities
  unique('opportunities', ['opportunity_id']),
  notNull('opportunities', 'opportunity_id'),
  notNull('opportunities', 'created_at'),
  acceptedValues('opportunities', 'outcome', ['open', 'won', 'lost']),
  relationships('opportunities', 'lead_id', 'leads', 'lead_id'),
  expression('opportunities', 'amount ≥ 0', sql`amount < 0`),
  expression('opportunities', 'closed_at set exactly when closed', sql`(outcome = 'open') <> (closed_at is null)`),
  expression('opportunities', 'created_at ≤ closed_at', sql`closed_at < created_at`),
  // stage_events
  unique('stage_events', ['person_key', 'stage']),
  notNull('stage_events', 'entered_at'),
  acceptedValues('stage_events', 'stage', STAGE_ORDER),
  relationships('stage_events', 'person_key', 'leads', 'person_key'),
  // sales_activities
  unique('sales_activities', ['activity_id']),
  notNull('sales_activities', 'activity_id'),
  notNull('sales_activities', 'completed_at'),
  relationships('sales_activities', 'person_key', 'leads', 'person_key'),
  // leaks
  unique('leaks', ['lead_id', 'kind']),
  acceptedValues('leaks', 'kind', LEAK_KINDS),
  relationships('leaks', 'lead_id', 'leads', 'lead_id'),
  // sla_targets
  unique('sla_targets', ['month', 'segment']),
  expression('sla_targets', 'committed and delivered ≥ 0', sql`committed_mqls < 0 or delivered_mqls < 0`),
  // touchpoints
  unique('touchpoints', ['touch_id']),
  notNull('touchpoints', 'touched_at'),
  notNull('touchpoints', 'channel'),
  expression('touchpoints', 'every touch belongs to a known person', sql`person_key is null or not exists (select 1 from leads l where l.person_key = touchpoints.person_key)`),
  expression('touchpoints', 'one first touch per person', sql`person_key in (select person_key from touchpoints group by person_key having count(*) filter (where is_first_touch) <> 1)`),
  // attribution
  unique('attribution', ['opportunity_id', 'model', 'touch_id']),
  relationships('attribution', 'opportunity_id', 'opportunities', 'opportunity_id'),
  expression('attribution', 'relationships(touch_id → touchpoints.touch_id), but (unattributed)', sql`touch_id <> '(unattributed)' and not exists (select 1 from touchpoints t where t.touch_id = attribution.touch_id)`),
  expression('attribution', 'shares of each opportunity and model sum to 1 (1e-9)', sql`(opportunity_id, model) in (
    select opportunity_id, model from attribution group by opportunity_id, model having abs(sum(share) - 1) > 1e-9)`),
  // Selects opportunities, not attribution rows: an opportunity with no row left would
  // otherwise pass. Models counted per opportunity (one aggregate; 1M leads: 0.08 s, against
  // 0.28 s for every opportunity × model probed in attribution).
  {
    name: 'every opportunity credited under every model from the agreement',
    model: 'attribution',
    failing: sql`
      with models as (select distinct model from agreement.agreement_attribution_models),
      credited as (
        select opportunity_id, count(distinct model) as models_credited from attribution
        where model::varchar in (select model from models) group by opportunity_id
      )
      select o.opportunity_id, coalesce(c.models_credited, 0) as models_credited, (select count(*) from models) as models
      from opportunities o left join credited c on c.opportunity_id = o.opportunity_id
      where coalesce(c.models_credited, 0) < (select count(*) from models)`,
  },
  // To half a cent: summing millions of shares × amounts in floating point drifts by ~1e-5 at 1M leads.
  expression('attribution', 'per model, attributed revenue = won amount and attributed pipeline = amount (to half a cent)', sql`model in (
    select model from attribution group by model having
      abs(sum(attributed_revenue) - (select coalesce(sum(amount), 0) from opportunities where outcome = 'won')) > 0.005
      or abs(sum(attributed_pipeline) - (select coalesce(sum(amount), 0) from opportunities)) > 0.005)`),
  expression('attribution', '0 < share ≤ 1', sql`share <= 0 or share > 1 + 1e-12`),
  // spend
  expression('spend', 'amount ≥ 0', sql`amount < 0`),
  // Per model of attribution_models: a model with no row at all fails too (when there is spend).
  {
    name: 'spend per model = total spend',
    model: 'campaign_performance',
    failing: sql`select m.model, coalesce(c.spend, 0) as spend, (select coalesce(sum(amount), 0) from spend) as total_spend
      from attribution_models m left join (select model, sum(spend) as spend from campaign_performance group by model) c on c.model = m.model
      where abs(coalesce(c.spend, 0) - (select coalesce(sum(amount), 0) from spend)) > 0.005`,
  },
  // rejected_rows
  notNull('rejected_rows', 'reason'),
  notNull('rejected_rows', 'file'),
  // file_reconciliation: no record of an input file is lost unaccounted for
  unique('file_reconciliation', ['file']),
  expression('file_reconciliation', 'rows read = loaded + quarantined + collapsed duplicates', sql`rows_read <> rows_loaded + rows_quarantined + rows_collapsed`),
  // build_info
  rowCount('build_info', 1),
];
