import { describe, expect, it } from 'vitest';
import { mergeRevenueAndGoal } from '../api/get-revenue-vs-goal';
import { revenueGoalChartInput, revenueGoalTable } from './revenue-goal-data';

describe('won revenue against the goal', () => {
  const cases = [
    {
      name: 'a month without a goal keeps its revenue; a month without wins keeps its goal',
      won: new Map([['2026-09-01', 400], ['2026-10-01', 250]]),
      goal: new Map([['2026-10-01', 500], ['2026-11-01', 600]]),
      expected: [
        { month: '2026-09-01', won: 400, goal: null, attainment: null },
        { month: '2026-10-01', won: 250, goal: 500, attainment: 0.5 },
        { month: '2026-11-01', won: null, goal: 600, attainment: null },
      ],
    },
    { name: 'nothing', won: new Map(), goal: new Map(), expected: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(revenueGoalTable(mergeRevenueAndGoal(c.won, c.goal)).rows).toEqual(c.expected);
    });
  }
});

describe('the goal line', () => {
  it('is drawn where a month has a goal, absent (null, not 0) where not', () => {
    const input = revenueGoalChartInput(mergeRevenueAndGoal(new Map([['2026-09-01', 400]]), new Map([['2026-10-01', 500]])));
    expect(input.series.map((s) => [s.name, s.values])).toEqual([['Won revenue', [400, null]], ['Revenue goal', [null, 500]]]);
  });
  it('is left out when no month has a goal (none set, or a filter goals are not set by)', () => {
    const input = revenueGoalChartInput(mergeRevenueAndGoal(new Map([['2026-09-01', 400]]), new Map()));
    expect(input.series.map((s) => s.name)).toEqual(['Won revenue']);
  });
});
