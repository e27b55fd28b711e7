import { describe, expect, it } from 'vitest';
import { parseFilters, resolveFilters } from './filters';
import type { FilterDimension } from './filters';
import { goalByMonthQuery, goalLineNote, goalLineStatus, goalMonths, goalValues } from './goal-lines';

// As model/views/goal_calendar.yml's `meta.filters` says: goals are per segment and region.
const filterMembers = { goal_calendar: { segment: 'goal_calendar.segment', region: 'goal_calendar.region' } };
const none: Record<FilterDimension, readonly string[]> = { channel: [], segment: [], region: [], team: [], owner: [] };
const resolved = (dims: Partial<Record<FilterDimension, readonly string[]>>, query = 'from=2026-10-01&to=2026-12-31') =>
  resolveFilters({ ...parseFilters(query), dims: { ...none, ...dims } }, '2026-12-31', filterMembers);

describe('goal lines: which filters have a goal', () => {
  const cases = [
    { name: 'no filter: the company goal', dims: {}, filters: [], note: null },
    { name: 'a segment selects that segment’s goals', dims: { segment: ['SMB'] }, filters: [{ member: 'goal_calendar.segment', operator: 'equals', values: ['SMB'] }], note: null },
    { name: 'a region selects that region’s goals', dims: { region: ['EMEA', 'NA'] }, filters: [{ member: 'goal_calendar.region', operator: 'equals', values: ['EMEA', 'NA'] }], note: null },
    { name: 'a channel has no goal: no line, and the chart says why', dims: { channel: ['Email'] }, filters: [], note: 'No goal line: goals are set per segment and region, not per channel.' },
    { name: 'team and owner neither', dims: { segment: ['SMB'], team: ['East'], owner: ['Ann'] }, filters: [{ member: 'goal_calendar.segment', operator: 'equals', values: ['SMB'] }], note: 'No goal line: goals are set per segment and region, not per team or owner.' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const f = resolved(c.dims);
      expect(goalByMonthQuery(f).filters).toEqual(c.filters);
      expect(goalLineNote(f)).toBe(c.note);
    });
  }

  it('asks by month over the period', () => {
    expect(goalByMonthQuery(resolved({})).timeDimensions).toEqual([{ dimension: 'goal_calendar.date', granularity: 'month', dateRange: ['2026-10-01', '2026-12-31'] }]);
  });
});

describe('goal lines: rows → months → values', () => {
  // Cube's answer for Oct–Nov 2026 of a 1,800,000 Q4 goal (31 and 30 of 92 days); December's goal
  // is empty (no goal that month).
  const rows = [
    { 'goal_calendar.date.month': '2026-10-01T00:00:00.000', 'goal_calendar.revenue_goal': '606521.7391', 'goal_calendar.wins_needed': '12.1', 'goal_calendar.sqls_needed': '40.4', 'goal_calendar.mqls_needed': '202.2' },
    { 'goal_calendar.date.month': '2026-11-01T00:00:00.000', 'goal_calendar.revenue_goal': '586956.5217', 'goal_calendar.wins_needed': null, 'goal_calendar.sqls_needed': null, 'goal_calendar.mqls_needed': null },
    { 'goal_calendar.date.month': '2026-12-01T00:00:00.000', 'goal_calendar.revenue_goal': null, 'goal_calendar.wins_needed': null, 'goal_calendar.sqls_needed': null, 'goal_calendar.mqls_needed': null },
  ];
  const goals = goalMonths(rows);
  const months = ['2026-09-01', '2026-10-01', '2026-11-01', '2026-12-01'];
  const cases = [
    { name: 'revenue: absent (null) where no goal is set, never 0', need: 'revenue' as const, expected: [null, 606521.7391, 586956.5217, null] },
    { name: 'MQLs needed: a month whose rates are unknown has no point', need: 'mqls' as const, expected: [null, 202.2, null, null] },
  ];
  for (const c of cases) it(c.name, () => expect(goalValues(goals, months, c.need)).toEqual(c.expected));
  it('a month whose goal is empty is not a goal month', () => expect([...goals.keys()]).toEqual(['2026-10-01', '2026-11-01']));
  it('no goal in any month: no line at all', () => {
    expect(goalValues(goals, ['2025-01-01'], 'revenue')).toBeNull();
    expect(goalValues(new Map(), months, 'revenue')).toBeNull();
    expect(goalValues(null, months, 'revenue')).toBeNull();
  });
});

describe('goal lines: what the chart says about them', () => {
  const oct = new Map([['2026-10-01', { revenue: 606521.74, wins: 12, sqls: 40, mqls: 202 }]]);
  const months = ['2026-10-01', '2026-11-01'];
  const cases = [
    { name: 'a goal in these months: what the lines are', dims: {}, goals: oct, expected: 'shown' },
    { name: 'still loading: nothing yet', dims: {}, goals: null, expected: null },
    { name: 'no goal in these months', dims: {}, goals: new Map(), expected: 'No goal line: the agreement sets no revenue goal for these months.' },
    { name: 'no goal for the segment chosen', dims: { segment: ['SMB'] }, goals: new Map(), expected: 'No goal line: the agreement sets no revenue goal for this segment or region in these months.' },
    { name: 'a channel filter: goals are not set by channel', dims: { channel: ['Email'] }, goals: null, expected: 'No goal line: goals are set per segment and region, not per channel.' },
  ];
  for (const c of cases) it(c.name, () => expect(goalLineStatus(resolved(c.dims), c.goals, months, 'shown')).toBe(c.expected));
});
