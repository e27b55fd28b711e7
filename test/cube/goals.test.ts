/**
 * Goals, pacing, the reverse funnel, MQL events, period counts and the agreement view over
 * HTTP, on the hand-written rows of test/fixtures/warehouse/warehouse.sql. Every expected
 * number is worked out here by hand from those rows, not by the model.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRows, num, startFixtureServer } from './helpers';
import type { Fixture, Row } from './helpers';

let fixture: Fixture;
beforeAll(async () => {
  fixture = await startFixtureServer();
});
afterAll(async () => {
  await fixture?.close();
});

const load = (query: unknown): Promise<Row[]> => loadRows(fixture.server.url, query);

// 2024-Q1: goal 310,000; 91 days, 70 elapsed; won 120,000; open pipeline 270,000.
// Trailing 12 months: 400,000 won over 16 deals, 24 lost; 500 MQLs of which 90 became SQLs.
// The agreement fixes close_rate = 0.25, so the data's 16 / 40 = 0.4 is not used.
const averageWonDeal = 400000 / 16; // 25,000
const closeRate = 0.25;
const mqlToSqlRate = 90 / 500; // 0.18
const goal = 310000;
const goalToDate = (310000 * 70) / 91; // 238,461.54
const q1 = {
  revenue_goal: goal,
  goal_to_date: goalToDate,
  won_revenue: 120000,
  open_pipeline: 270000,
  average_won_deal: averageWonDeal,
  close_rate: closeRate,
  mql_to_sql_rate: mqlToSqlRate,
  wins_needed: 13, // 310,000 / 25,000 = 12.4 → 13
  sqls_needed: 50, // 12.4 / 0.25 = 49.6 → 50
  mqls_needed: 276, // 49.6 / 0.18 = 275.56 → 276
  committed_mqls: 450,
  delivered_mqls: 380,
  mql_commitment_gap: 276 - 450,
  goal_pace: 120000 / goalToDate, // 0.5032
  goal_attainment: 120000 / 310000,
  projected_revenue: (120000 / 70) * 91, // 156,000
  projected_attainment: 156000 / 310000,
  revenue_to_win: 310000 - 120000,
  pipeline_coverage: 270000 / 190000, // 1.42×
};

describe('goals view', () => {
  it('the current period: pacing and the reverse funnel', async () => {
    const rows = await load({ measures: Object.keys(q1).map((m) => `goals.${m}`), filters: [{ member: 'goals.period_status', operator: 'equals', values: ['current'] }] });
    expect(rows).toHaveLength(1);
    for (const [measure, want] of Object.entries(q1)) expect(num(rows[0]?.[`goals.${measure}`]), measure).toBeCloseTo(want, 6);
  });

  it('a past period that beat its goal: nothing left to win, so no coverage', async () => {
    const rows = await load({
      dimensions: ['goals.period'],
      measures: ['goals.revenue_goal', 'goals.won_revenue', 'goals.goal_pace', 'goals.revenue_to_win', 'goals.pipeline_coverage', 'goals.projected_revenue', 'goals.wins_needed'],
      filters: [{ member: 'goals.period', operator: 'equals', values: ['2023-Q4'] }],
    });
    expect(rows).toHaveLength(1);
    const row = rows[0] ?? {};
    expect(num(row['goals.goal_pace'])).toBeCloseTo(260000 / 250000, 9);
    expect(num(row['goals.revenue_to_win'])).toBe(0);
    expect(row['goals.pipeline_coverage']).toBeNull();
    expect(num(row['goals.projected_revenue'])).toBeCloseTo(260000, 6); // 92 of 92 days elapsed
    expect(num(row['goals.wins_needed'])).toBe(10); // 250,000 / 25,000 = 10 exactly
  });

  it('rates carry their numerator and denominator for the dashboard', async () => {
    const response = await fetch(`${fixture.server.url}/cubejs-api/v1/meta`);
    const meta = (await response.json()) as { cubes: { name: string; measures: { name: string; meta?: Record<string, string> }[] }[] };
    const goals = meta.cubes.find((c) => c.name === 'goals');
    expect(goals?.measures.find((m) => m.name === 'goals.pipeline_coverage')?.meta).toEqual({ numerator: 'Open pipeline', denominator: 'Revenue still to win' });
  });

  // Every rate a dashboard tile shows says what it divides by what (the tiles' info popovers).
  const rates = [
    { member: 'funnel.acceptance_rate', numerator: 'SALs', denominator: 'MQLs' },
    { member: 'funnel.mql_to_sql_rate', numerator: 'SQLs', denominator: 'MQLs' },
    { member: 'funnel.close_rate', numerator: 'Won', denominator: 'Won + Lost' },
    { member: 'funnel.sla_compliance_rate', numerator: 'Sales SLA met', denominator: 'Sales SLA due (met + breached)' },
    { member: 'funnel_period.acceptance_rate', numerator: 'SALs (period)', denominator: 'MQLs (period)' },
    { member: 'funnel_period.mql_to_sql_rate', numerator: 'SQLs (period)', denominator: 'MQLs (period)' },
    { member: 'funnel_period.close_rate', numerator: 'Won (period)', denominator: 'Won (period) + Lost (period)' },
  ];
  for (const r of rates) {
    it(`${r.member} names its numerator and denominator; the numerator is a measure's title`, async () => {
      const response = await fetch(`${fixture.server.url}/cubejs-api/v1/meta`);
      const meta = (await response.json()) as { cubes: { name: string; measures: { name: string; shortTitle: string; meta?: Record<string, string> }[] }[] };
      const view = meta.cubes.find((c) => c.name === r.member.split('.')[0]);
      expect(view?.measures.find((m) => m.name === r.member)?.meta).toEqual({ numerator: r.numerator, denominator: r.denominator });
      // The numerator is a measure of the same view, by its title (so the words match the dashboard's).
      expect(view?.measures.map((m) => m.shortTitle)).toContain(r.numerator);
    });
  }
});

describe('goal_calendar view', () => {
  it("a quarterly goal's share per month is its days' share", async () => {
    const rows = await load({ measures: ['goal_calendar.revenue_goal'], timeDimensions: [{ dimension: 'goal_calendar.date', granularity: 'month' }] });
    const byMonth = Object.fromEntries(rows.map((r) => [String(r['goal_calendar.date.month']).slice(0, 7), num(r['goal_calendar.revenue_goal'])]));
    expect(Object.keys(byMonth)).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(byMonth['2024-01']).toBeCloseTo((310000 * 31) / 91, 6); // 105,604.40
    expect(byMonth['2024-02']).toBeCloseTo((310000 * 29) / 91, 6); // 98,791.21 (2024 is a leap year)
    expect(byMonth['2024-03']).toBeCloseTo((310000 * 31) / 91, 6);
  });

  // The reverse funnel per month, for goal lines on the MQL / SQL / won trends: each month's
  // share of 2024-Q1's 310,000 at the goal's rates (25,000 a deal, close rate fixed at 0.25,
  // MQL→SQL 90 / 500 = 0.18). January: 310,000 × 31 / 91 = 105,604.40 → 4.224 wins, 16.90
  // SQLs, 93.87 MQLs; February has 29 of the 91 days.
  const needs = [
    { month: '2024-01', days: 31 },
    { month: '2024-02', days: 29 },
    { month: '2024-03', days: 31 },
  ].map(({ month, days }) => {
    const share = (310000 * days) / 91;
    return { month, revenue: share, wins: share / 25000, sqls: share / 25000 / 0.25, mqls: share / 25000 / 0.25 / 0.18 };
  });
  it('each month carries the wins, SQLs and MQLs its share of the goal needs', async () => {
    const rows = await load({
      measures: ['goal_calendar.revenue_goal', 'goal_calendar.wins_needed', 'goal_calendar.sqls_needed', 'goal_calendar.mqls_needed'],
      timeDimensions: [{ dimension: 'goal_calendar.date', granularity: 'month' }],
    });
    expect(rows).toHaveLength(needs.length);
    needs.forEach((want, i) => {
      const row = rows[i] ?? {};
      expect(String(row['goal_calendar.date.month']).slice(0, 7)).toBe(want.month);
      expect(num(row['goal_calendar.revenue_goal'])).toBeCloseTo(want.revenue, 6);
      expect(num(row['goal_calendar.wins_needed'])).toBeCloseTo(want.wins, 9);
      expect(num(row['goal_calendar.sqls_needed'])).toBeCloseTo(want.sqls, 9);
      expect(num(row['goal_calendar.mqls_needed'])).toBeCloseTo(want.mqls, 9);
    });
    // January's MQLs by hand: 105,604.40 / 25,000 / 0.25 / 0.18 = 93.87.
    expect(num(rows[0]?.['goal_calendar.mqls_needed'])).toBeCloseTo(93.8706, 4);
  });

  it("the months add up to the goals view's (unrounded) need for the quarter", async () => {
    const [calendar] = await load({ measures: ['goal_calendar.mqls_needed'], filters: [{ member: 'goal_calendar.period', operator: 'equals', values: ['2024-Q1'] }] });
    // goals.mqls_needed rounds up: 275.56 → 276; the calendar keeps the fraction.
    expect(num(calendar?.['goal_calendar.mqls_needed'])).toBeCloseTo(310000 / 25000 / 0.25 / 0.18, 9);
    expect(Math.ceil(num(calendar?.['goal_calendar.mqls_needed']) ?? 0)).toBe(q1.mqls_needed);
  });

  const scopes = [
    { filter: 'segment', values: ['SMB'], why: 'the only goal is company-wide: SMB has none' },
    { filter: 'region', values: ['EMEA'], why: 'no goal for a region' },
  ];
  for (const c of scopes) {
    it(`a ${c.filter} filter selects that scope's goals: none here (${c.why})`, async () => {
      const rows = await load({
        measures: ['goal_calendar.revenue_goal', 'goal_calendar.mqls_needed'],
        timeDimensions: [{ dimension: 'goal_calendar.date', granularity: 'month' }],
        filters: [{ member: `goal_calendar.${c.filter}`, operator: 'equals', values: c.values }],
      });
      expect(rows).toEqual([]);
    });
  }

  it('takes the segment and region filters (and only those) from the dashboard', async () => {
    const response = await fetch(`${fixture.server.url}/cubejs-api/v1/meta`);
    const meta = (await response.json()) as { cubes: { name: string; meta?: { filters?: Record<string, string> } }[] };
    expect(meta.cubes.find((c) => c.name === 'goal_calendar')?.meta?.filters).toEqual({ segment: 'segment', region: 'region' });
  });
});

describe('mql_events view', () => {
  // l01: Jan 5, re-MQL Feb 20; l02: Feb 5, re-MQL Feb 25; l03: Mar 1.
  const cases = [
    { month: '2024-01', events: 1, remqls: 0, leads: 1 },
    { month: '2024-02', events: 3, remqls: 2, leads: 2 },
    { month: '2024-03', events: 1, remqls: 0, leads: 1 },
  ];
  it('counts every MQL event by its own month, re-MQLs apart', async () => {
    const rows = await load({
      measures: ['mql_events.mql_event_count', 'mql_events.remql_count', 'mql_events.mql_lead_count'],
      timeDimensions: [{ dimension: 'mql_events.mql_event_date', granularity: 'month' }],
    });
    const got = rows.map((r) => ({
      month: String(r['mql_events.mql_event_date.month']).slice(0, 7),
      events: num(r['mql_events.mql_event_count']),
      remqls: num(r['mql_events.remql_count']),
      leads: num(r['mql_events.mql_lead_count']),
    }));
    expect(got).toEqual(cases);
  });
});

describe('funnel_period view', () => {
  // stage_events rows: SAL l01 Jan 6, l02 Jan 9, l03 Jan 16, l07 Feb 10, l08 Feb 16, l10 Mar 6, l11 Mar 11;
  // SQL l01 Jan 10, l02 Jan 12, l03 Feb 1, l07 Feb 10, l10 Mar 10, l11 Mar 12.
  const cases = [
    { month: '2024-01', sals: 3, sqls: 2 },
    { month: '2024-02', sals: 2, sqls: 2 },
    { month: '2024-03', sals: 2, sqls: 2 },
  ];
  it('counts each stage by the date it was entered', async () => {
    const rows = await load({
      measures: ['funnel_period.sal_count', 'funnel_period.sql_count'],
      timeDimensions: [{ dimension: 'funnel_period.entered_date', granularity: 'month' }],
    });
    const got = rows.map((r) => ({ month: String(r['funnel_period.entered_date.month']).slice(0, 7), sals: num(r['funnel_period.sal_count']), sqls: num(r['funnel_period.sql_count']) }));
    expect(got).toEqual(cases);
  });

  it('period rates divide counts of the same period, each by its own date', async () => {
    // No MQL or closed rows among these stage_events: the MQL-based rates have no denominator
    // (empty, not 0); SQLs ÷ SALs is not a model rate, so the check is on the empties.
    const rows = await load({
      measures: ['funnel_period.acceptance_rate', 'funnel_period.mql_to_sql_rate', 'funnel_period.close_rate'],
      timeDimensions: [{ dimension: 'funnel_period.entered_date', dateRange: ['2024-01-01', '2024-03-31'] }],
    });
    expect(rows).toEqual([{ 'funnel_period.acceptance_rate': null, 'funnel_period.mql_to_sql_rate': null, 'funnel_period.close_rate': null }]);
  });
});

describe('agreement view', () => {
  it('returns the terms in section order', async () => {
    const rows = await load({
      dimensions: ['agreement.section', 'agreement.position', 'agreement.subject', 'agreement.item', 'agreement.value'],
      filters: [{ member: 'agreement.section', operator: 'equals', values: ['sales_sla', 'sla_by_segment'] }],
      order: [['agreement.section', 'asc'], ['agreement.position', 'asc']],
    });
    expect(rows.map((r) => [r['agreement.section'], r['agreement.subject'], r['agreement.item'], r['agreement.value']])).toEqual([
      ['sales_sla', null, 'hours', '24'],
      ['sales_sla', null, 'hours_type', 'clock'],
      ['sales_sla', null, 'time_zone', 'UTC'],
      ['sla_by_segment', 'Enterprise', 'hours', '48'],
    ]);
  });
});
