/** sales_activities — one row per completed sales activity on a lead (see int_sales_touches). */
import { sql } from 'kysely';
import { category, ref, type Model } from '../model';

/** A column of int_sales_touches, and `Unassigned` (an activity without an owner or team). */
const touchColumn = (column: string) => () => sql`select ${sql.ref(column)} from ${ref('int_sales_touches')} union all select 'Unassigned'`;

export const salesActivities: Model = {
  name: 'sales_activities',
  layer: 'marts',
  materialized: 'table',
  categories: { source_system: touchColumn('source_system'), activity_type: touchColumn('activity_type'), owner: touchColumn('owner'), team: touchColumn('team') },
  query: (ctx) => sql`
    select activity_id, person_key, source_system::${category(ctx, 'source_system')} as source_system,
      activity_type::${category(ctx, 'activity_type')} as activity_type,
      coalesce(owner, 'Unassigned')::${category(ctx, 'owner')} as owner, coalesce(team, 'Unassigned')::${category(ctx, 'team')} as team, completed_at
    from ${ref('int_sales_touches')}`,
};
