/** The marts the Cube model reads: what the server requires of a warehouse and what `npm run publish` copies. */
export const MART_TABLES = [
  'leads', 'opportunities', 'stage_events', 'sla_targets', 'sales_activities', 'leaks', 'rejected_rows', 'build_info',
  'mql_events', 'revenue_goals', 'goal_pacing', 'agreement_terms',
  'touchpoints', 'attribution', 'attribution_models', 'spend',
] as const;

export type MartTable = (typeof MART_TABLES)[number];
