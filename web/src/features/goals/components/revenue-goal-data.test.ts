import { describe, expect, it } from 'vitest';
import { mergeRevenueAndGoal } from '../api/get-revenue-vs-goal';
import { revenueGoalTable } from './revenue-goal-data';

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
