import { describe, expect, it } from 'vitest';
import { cohortMaturity, youngShare } from './maturity';
import type { DateRange } from './filters';

// Seeds' medians: MQL → SQL 9.9 days, SQL → won 49.4 days (so MQL → won 59.3); as of 31 Oct 2026.
const typical = { mqlToSql: 9.93, sqlToWon: 49.39 };
const asOf = '2026-10-31';

describe('youngShare', () => {
  const cases: { name: string; cohort: DateRange; days: number; expected: number }[] = [
    // Days younger than 9.93 on 31 Oct: 22–31 Oct (asOf − d ≤ 9), 10 of October's 31.
    { name: 'October, 9.93 days', cohort: ['2026-10-01', '2026-10-31'], days: 9.93, expected: 10 / 31 },
    { name: 'September, 9.93 days: all old enough', cohort: ['2026-09-01', '2026-09-30'], days: 9.93, expected: 0 },
    // 59.32 days: young from 2 Sep (asOf − 59 days, 59 < 59.32); 29 of September's 30 days.
    { name: 'September, 59.32 days', cohort: ['2026-09-01', '2026-09-30'], days: 59.32, expected: 29 / 30 },
    { name: 'August, 59.32 days: 0 young', cohort: ['2026-08-01', '2026-08-31'], days: 59.32, expected: 0 },
    // 12 months (365 days), 59.32 days: 2 Sep – 31 Oct, 60 days.
    { name: 'the last 12 months, 59.32 days', cohort: ['2025-11-01', '2026-10-31'], days: 59.32, expected: 60 / 365 },
    { name: 'a whole integer: exactly 10 days old is old enough', cohort: ['2026-10-21', '2026-10-21'], days: 10, expected: 0 },
    { name: 'a cohort after the as-of day counts up to the as-of day', cohort: ['2026-10-25', '2026-11-30'], days: 3, expected: 3 / 7 },
  ];
  for (const c of cases) it(c.name, () => expect(youngShare(c.cohort, asOf, c.days)).toBeCloseTo(c.expected, 12));
});

describe('cohortMaturity', () => {
  const cases: { name: string; cohort: DateRange; expected: { sql: boolean; won: boolean } }[] = [
    { name: 'quarter to date (October): neither SQLs nor won have settled', cohort: ['2026-10-01', '2026-10-31'], expected: { sql: false, won: false } },
    { name: 'September: SQLs have, won has not', cohort: ['2026-09-01', '2026-09-30'], expected: { sql: true, won: false } },
    { name: 'August: both', cohort: ['2026-08-01', '2026-08-31'], expected: { sql: true, won: true } },
    { name: 'the last 12 months: 3% of days young for SQL (settled), 16% for won (not)', cohort: ['2025-11-01', '2026-10-31'], expected: { sql: true, won: false } },
    { name: 'Q3 (Jul–Sep): won 29 of 92 days young', cohort: ['2026-07-01', '2026-09-30'], expected: { sql: true, won: false } },
  ];
  for (const c of cases) it(c.name, () => expect(cohortMaturity(c.cohort, asOf, typical)).toEqual(c.expected));
  it('without typical times (no SQLs yet) nothing is marked', () => expect(cohortMaturity(['2026-10-01', '2026-10-31'], asOf, { mqlToSql: null, sqlToWon: null })).toEqual({ sql: true, won: true }));
  it('without an as-of day nothing is marked', () => expect(cohortMaturity(['2026-10-01', '2026-10-31'], null, typical)).toEqual({ sql: true, won: true }));
});
