/**
 * Expected measure values over test/fixtures/warehouse/warehouse.sql, counted by hand from
 * the rows there (the lead table's header comment lists each lead). Not computed by code.
 */

export const FUNNEL_MEASURES = [
  'lead_count', 'mql_count', 'sal_count', 'rejected_count', 'sql_count', 'opportunity_count',
  'won_count', 'lost_count', 'won_amount', 'acceptance_rate', 'mql_to_sql_rate', 'close_rate',
  'sla_met_count', 'sla_breached_count', 'sla_pending_count', 'sla_compliance_rate',
  'median_hours_to_first_touch', 'leak_count', 'leak_rate',
] as const;

export type FunnelMeasure = (typeof FUNNEL_MEASURES)[number];
export type FunnelValues = Readonly<Record<FunnelMeasure, number | null>>;

// All 14 leads; MQLs are L01-L11. SAL: L01 L02 L03 L07 L08 L10 L11. SQL/opportunity: L01 L02
// L03 L07 L10 L11. Won: L01 (10000) L07 (7000). Lost: L02 L11. Rejected: L04. SLA met: L01 L03
// L04 L07 L10 L11; breached: L02 L05 L08; pending: L09. Hours to first touch: 4 30 12 2 20 48 1 24
// -> median of 1 2 4 12 20 24 30 48 = 16. Leaks: L05 L06.
export const FUNNEL_TOTAL: FunnelValues = {
  lead_count: 14, mql_count: 11, sal_count: 7, rejected_count: 1, sql_count: 6, opportunity_count: 6,
  won_count: 2, lost_count: 2, won_amount: 17000, acceptance_rate: 7 / 11, mql_to_sql_rate: 6 / 11,
  close_rate: 2 / 4, sla_met_count: 6, sla_breached_count: 3, sla_pending_count: 1,
  sla_compliance_rate: 6 / 9, median_hours_to_first_touch: 16, leak_count: 2, leak_rate: 2 / 11,
};

// By MQL month (the cohort). Jan: L01-L05; Feb: L06-L08; Mar: L09-L11. A group with leads and
// no win has won revenue 0, not "no value" (Mar here, Events below).
export const FUNNEL_BY_MQL_MONTH: Readonly<Record<string, FunnelValues>> = {
  '2024-01-01T00:00:00.000': {
    lead_count: 5, mql_count: 5, sal_count: 3, rejected_count: 1, sql_count: 3, opportunity_count: 3,
    won_count: 1, lost_count: 1, won_amount: 10000, acceptance_rate: 3 / 5, mql_to_sql_rate: 3 / 5,
    close_rate: 1 / 2, sla_met_count: 3, sla_breached_count: 2, sla_pending_count: 0,
    sla_compliance_rate: 3 / 5, median_hours_to_first_touch: 8, leak_count: 1, leak_rate: 1 / 5,
  },
  '2024-02-01T00:00:00.000': {
    lead_count: 3, mql_count: 3, sal_count: 2, rejected_count: 0, sql_count: 1, opportunity_count: 1,
    won_count: 1, lost_count: 0, won_amount: 7000, acceptance_rate: 2 / 3, mql_to_sql_rate: 1 / 3,
    close_rate: 1, sla_met_count: 1, sla_breached_count: 1, sla_pending_count: 0,
    sla_compliance_rate: 1 / 2, median_hours_to_first_touch: 34, leak_count: 1, leak_rate: 1 / 3,
  },
  '2024-03-01T00:00:00.000': {
    lead_count: 3, mql_count: 3, sal_count: 2, rejected_count: 0, sql_count: 2, opportunity_count: 2,
    won_count: 0, lost_count: 1, won_amount: 0, acceptance_rate: 2 / 3, mql_to_sql_rate: 2 / 3,
    close_rate: 0, sla_met_count: 2, sla_breached_count: 0, sla_pending_count: 1,
    sla_compliance_rate: 1, median_hours_to_first_touch: 12.5, leak_count: 0, leak_rate: 0,
  },
};

// By channel, all leads. Paid Search: L01 L02 L06 L09 L12; Organic: L03 L04 L07 L10 L13;
// Events: L05 L08 L11 L14.
export const FUNNEL_BY_CHANNEL: Readonly<Record<string, FunnelValues>> = {
  'Paid Search': {
    lead_count: 5, mql_count: 4, sal_count: 2, rejected_count: 0, sql_count: 2, opportunity_count: 2,
    won_count: 1, lost_count: 1, won_amount: 10000, acceptance_rate: 2 / 4, mql_to_sql_rate: 2 / 4,
    close_rate: 1 / 2, sla_met_count: 1, sla_breached_count: 1, sla_pending_count: 1,
    sla_compliance_rate: 1 / 2, median_hours_to_first_touch: 17, leak_count: 1, leak_rate: 1 / 4,
  },
  Organic: {
    lead_count: 5, mql_count: 4, sal_count: 3, rejected_count: 1, sql_count: 3, opportunity_count: 3,
    won_count: 1, lost_count: 0, won_amount: 7000, acceptance_rate: 3 / 4, mql_to_sql_rate: 3 / 4,
    close_rate: 1, sla_met_count: 4, sla_breached_count: 0, sla_pending_count: 0,
    sla_compliance_rate: 1, median_hours_to_first_touch: 7, leak_count: 0, leak_rate: 0,
  },
  Events: {
    lead_count: 4, mql_count: 3, sal_count: 2, rejected_count: 0, sql_count: 1, opportunity_count: 1,
    won_count: 0, lost_count: 1, won_amount: 0, acceptance_rate: 2 / 3, mql_to_sql_rate: 1 / 3,
    close_rate: 0, sla_met_count: 1, sla_breached_count: 2, sla_pending_count: 0,
    sla_compliance_rate: 1 / 3, median_hours_to_first_touch: 36, leak_count: 1, leak_rate: 1 / 3,
  },
};

// Opportunities O1-O7 (O7 has no lead). Won O1 O4 O7, lost O2 O6, open O3 (59 days) O5 (21 days).
export const PIPELINE_TOTAL = {
  opportunity_count: 7, won_count: 3, lost_count: 2, open_count: 2, amount: 68000, won_amount: 20000,
  open_amount: 35000, close_rate: 3 / 5, avg_open_age_days: 40, max_open_age_days: 59,
} as const;

// By close month: Feb O1 (won); Mar O2 (lost) O4 (won) O6 (lost) O7 (won).
export const PIPELINE_BY_CLOSE_MONTH = {
  '2024-02-01T00:00:00.000': { opportunity_count: 1, won_count: 1, lost_count: 0, close_rate: 1 },
  '2024-03-01T00:00:00.000': { opportunity_count: 4, won_count: 2, lost_count: 2, close_rate: 0.5 },
} as const;

// By created month: Jan O1 O2; Feb O3 O4 O7; Mar O5 O6.
export const PIPELINE_BY_CREATED_MONTH = {
  '2024-01-01T00:00:00.000': 2,
  '2024-02-01T00:00:00.000': 3,
  '2024-03-01T00:00:00.000': 2,
} as const;

export const MARKETING_SLA_TOTAL = { committed_mqls: 15, delivered_mqls: 11, attainment: 11 / 15 } as const;
export const MARKETING_SLA_BY_SEGMENT = {
  SMB: { committed_mqls: 8, delivered_mqls: 6, attainment: 6 / 8 },
  Enterprise: { committed_mqls: 7, delivered_mqls: 5, attainment: 5 / 7 },
} as const;

// Team A: L01 met, L02 breached, L04 met, L07 met, L09 pending, L10 met. Team B: L03 met,
// L05 breached, L08 breached, L11 met.
export const SALES_SLA_BY_TEAM = {
  'Team A': { sla_met_count: 4, sla_breached_count: 1, sla_pending_count: 1, sla_compliance_rate: 4 / 5 },
  'Team B': { sla_met_count: 2, sla_breached_count: 2, sla_pending_count: 0, sla_compliance_rate: 2 / 4 },
} as const;

// sal: days from handoff 1 1.5 1 0 2 1 3 (sorted 0 1 1 1 1.5 2 3); days in stage 4 2.5 16 0 4 1
// (L08 still in it). sql: days from sal 4 2.5 16 0 4 1; days in stage 36 49 39 16 (two still open).
// quantile_cont(p) interpolates at position (n - 1) * p of the sorted values.
export const VELOCITY_BY_STAGE = {
  sal: {
    transition_count: 7, median_days_from_previous: 1, p90_days_from_previous: 2.4,
    avg_days_from_previous: 9.5 / 7, median_days_in_stage: 3.25, p90_days_in_stage: 10,
  },
  sql: {
    transition_count: 6, median_days_from_previous: 3.25, p90_days_from_previous: 10,
    avg_days_from_previous: 27.5 / 6, median_days_in_stage: 37.5, p90_days_in_stage: 46,
  },
} as const;

export const QUARANTINE_BY_REASON = { 'invalid timestamp': 1, 'missing required value': 1, 'wrong field count': 2 } as const;
export const LEAKS_BY_KIND = { not_touched: 2, not_in_crm: 1, not_handed_off: 1 } as const;

// Region NA: L01 L02 L04 L07 L09 L10 L12 (MQLs: all but L12). Team B: L03 L05 L08 L11.
export const NA_LEADS = { lead_count: 7, mql_count: 6 } as const;
export const TEAM_B_LEADS = { lead_count: 4, mql_count: 4 } as const;

// After rebuild.sql: two more March MQLs.
export const AFTER_REBUILD = { lead_count: 16, mql_count: 13 } as const;
