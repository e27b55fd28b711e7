/** Revenue goals and the definitions the agreement can switch (`goals:`, `definitions:`). */

/** One revenue goal: a month (`2026-11`) or a quarter (`2026-Q4`), optionally for a segment and/or region. */
export interface RevenueGoal {
  /** As written: `YYYY-MM` or `YYYY-Qn`. */
  readonly period: string;
  /** First day of the period, `YYYY-MM-DD`. */
  readonly start: string;
  /** Day after the period's last day, `YYYY-MM-DD`. */
  readonly end: string;
  readonly amount: number;
  /** null: every segment. */
  readonly segment: string | null;
  /** null: every region. */
  readonly region: string | null;
}

/** Rates the reverse funnel uses instead of the trailing 12 months' (null: from the data). */
export interface FixedRates {
  readonly averageWonDeal: number | null;
  /** won ÷ (won + lost), a fraction. */
  readonly closeRate: number | null;
  /** SQLs ÷ MQLs, a fraction. */
  readonly mqlToSqlRate: number | null;
}

export interface Goals {
  readonly revenue: readonly RevenueGoal[];
  readonly fixedRates: FixedRates;
}

export const SQL_DEFINITIONS = ['opportunity', 'system_stage'] as const;
/**
 * opportunity: a lead is an SQL when it converts to an opportunity / deal (the default).
 * system_stage: also when the system's own SQL stage says so (HubSpot "Became a Sales
 * Qualified Lead Date"; a Marketo status mapped to `sql`), whichever comes first.
 */
export type SqlDefinition = (typeof SQL_DEFINITIONS)[number];

export interface Definitions {
  readonly sql: SqlDefinition;
}
