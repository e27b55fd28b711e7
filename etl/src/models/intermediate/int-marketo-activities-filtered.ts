/**
 * int_marketo_activities_filtered — one row per Marketo activity the funnel needs:
 * 104 Change Status in Progression (`new_value`: its New Status) and 23 Change Owner
 * (`new_value`: the New Owner), and the touches of attribution: 2 Fill Out Form and 11 Click
 * Email (`asset_name`: the form's / email's name, `Program.Asset` for a program's local asset).
 * 104 also names its program (`program_id`, `program_name`: int_campaigns_named reads them).
 * A table: the one pass over the (large) activity extract; everything downstream reads this.
 * `int_marketo_activity_bounds` (one row) keeps the extract's latest activity for `as_of`.
 */
import { sql } from 'kysely';
import { ref, type Model } from '../model';

export const intMarketoActivitiesFiltered: Model = {
  name: 'int_marketo_activities_filtered',
  layer: 'intermediate',
  materialized: 'table',
  query: () => sql`
    select
      activity_id,
      marketo_lead_id,
      activity_type_id,
      activity_at,
      case when activity_type_id in (2, 11) then primary_attribute_value end as asset_name,
      case when activity_type_id = 104 then primary_attribute_value_id end as program_id,
      case when activity_type_id = 104 then primary_attribute_value end as program_name,
      -- One parse per row: 104 carries "New Status", 23 "New Owner" (older extracts: "New Value").
      nullif(trim(coalesce(list_first(list_filter(
        json_extract_string(attributes, ['$."New Status"', '$."New Owner"', '$."New Value"']), x -> x is not null)), '')), '') as new_value
    from ${ref('stg_marketo__activities')}
    where activity_type_id in (104, 23, 2, 11)`,
};

export const intMarketoActivityBounds: Model = {
  name: 'int_marketo_activity_bounds',
  layer: 'intermediate',
  materialized: 'table',
  // From the checked rows, quarantined ones included: only one cast per row is needed, and a
  // rejected row's (valid) date is still an event in the inputs.
  query: () => sql`select max(activity_at) as latest_activity_at from ${ref('stg_marketo__activities__checked')}`,
};
