/** sales_activities — one row per completed sales activity on a lead (see int_sales_touches). */
import { sql } from 'kysely';
import { ref, type Model } from '../model';

export const salesActivities: Model = {
  name: 'sales_activities',
  layer: 'marts',
  materialized: 'table',
  query: () => sql`
    select activity_id, lead_id, source_system, activity_type,
      coalesce(owner, 'Unassigned') as owner, coalesce(team, 'Unassigned') as team, completed_at
    from ${ref('int_sales_touches')}`,
};
