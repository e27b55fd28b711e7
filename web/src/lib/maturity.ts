// Cohort maturity. An MQL cohort's conversion rates keep rising for weeks after its MQLs arrive:
// a month whose leads have not had the typical time to reach SQL (or won) looks like a collapse
// when it is only young. The typical times are the data's own medians (MQL → SQL, SQL → won,
// served by Cube); a cohort is "not yet mature" for a stage when more than a tenth of its days
// are younger than the typical time to reach that stage.
import type { DateRange } from './filters';

/** A cohort with more than this share of young days is marked not yet mature. */
export const YOUNG_SHARE_LIMIT = 0.1;

export interface TypicalDays {
  /** Median days from MQL to SQL. */
  readonly mqlToSql: number | null;
  /** Median days from SQL to won. */
  readonly sqlToWon: number | null;
}

export interface Maturity {
  /** The cohort's MQL → SQL rate has settled. */
  readonly sql: boolean;
  /** Its close rate and won numbers have settled (MQL → SQL → won). */
  readonly won: boolean;
}

const DAY_MS = 86_400_000;

function dayNumber(day: string): number {
  return Math.round(new Date(`${day.slice(0, 10)}T00:00:00Z`).getTime() / DAY_MS);
}

/**
 * Share of the cohort's days (`from`..`to`, inclusive) younger than `typicalDays` on the as-of
 * day: a day d is young when asOf − d < typicalDays.
 */
export function youngShare([from, to]: DateRange, asOf: string, typicalDays: number): number {
  const s = dayNumber(from);
  const e = Math.min(dayNumber(to), dayNumber(asOf));
  if (e < s) return 0;
  const oldestYoung = Math.floor(dayNumber(asOf) - typicalDays) + 1;
  const young = Math.max(0, e - Math.max(s, oldestYoung) + 1);
  return young / (e - s + 1);
}

/** Which of the cohort's rates have settled; unknown typical times count as settled (nothing to mark). */
export function cohortMaturity(cohort: DateRange, asOf: string | null, typical: TypicalDays | null): Maturity {
  if (!asOf || !typical) return { sql: true, won: true };
  const settled = (days: number | null) => days === null || youngShare(cohort, asOf, days) <= YOUNG_SHARE_LIMIT;
  const toWon = typical.mqlToSql !== null && typical.sqlToWon !== null ? typical.mqlToSql + typical.sqlToWon : null;
  return { sql: settled(typical.mqlToSql), won: settled(toWon) };
}

/** "SQLs typically come 10 days after MQL": why a cohort is marked, for tooltips and notes. */
export function maturityNote(stage: 'sql' | 'won', typical: TypicalDays): string {
  const days = (n: number) => `${Math.round(n)} day${Math.round(n) === 1 ? '' : 's'}`;
  if (stage === 'sql') return typical.mqlToSql === null ? '' : `Not yet mature: leads typically reach SQL ${days(typical.mqlToSql)} after becoming MQLs, and many of these MQLs are younger.`;
  return typical.mqlToSql === null || typical.sqlToWon === null
    ? ''
    : `Not yet mature: deals are typically won ${days(typical.mqlToSql + typical.sqlToWon)} after the MQL, and many of these MQLs are younger.`;
}
