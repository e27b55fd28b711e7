// Which dashboard filters reach the goal queries: those the `goals` / `goal_calendar` views'
// `meta.filters` list (segment, region; as /meta gives them, pinned by test/cube/views.test.ts),
// on the goal side of "won against the goal"; won revenue takes every filter (the chart leaves
// the goal out, saying why, when a filter has no goal: web/src/lib/goal-lines.ts).
import { describe, expect, it } from 'vitest';
import { parseFilters, resolveFilters } from '../../../lib/filters';
import type { FilterDimension } from '../../../lib/filters';
import { goalPacingQuery } from './get-goal-pacing';
import { goalByMonthQuery } from '../../../lib/goal-lines';
import { wonByCloseMonthQuery } from './get-revenue-vs-goal';

const all = (view: string) => ({ channel: `${view}.channel`, segment: `${view}.segment`, region: `${view}.region`, team: `${view}.team`, owner: `${view}.owner` });
const filterMembers = {
  pipeline: all('pipeline'),
  goals: { segment: 'goals.segment', region: 'goals.region' },
  goal_calendar: { segment: 'goal_calendar.segment', region: 'goal_calendar.region' },
};
const none = { channel: [], segment: [], region: [], team: [], owner: [] };
const resolved = (dims: Partial<Record<FilterDimension, readonly string[]>>) => resolveFilters({ ...parseFilters('range=all'), dims: { ...none, ...dims } }, null, filterMembers);

const cases = [
  { name: 'no filter: every goal, every won deal', dims: {}, pacing: [], goal: [], won: [] },
  {
    name: 'segment and region reach the goals and won revenue',
    dims: { segment: ['SMB'], region: ['EMEA', 'NA'] },
    pacing: [{ member: 'goals.segment', operator: 'equals', values: ['SMB'] }, { member: 'goals.region', operator: 'equals', values: ['EMEA', 'NA'] }],
    goal: [{ member: 'goal_calendar.segment', operator: 'equals', values: ['SMB'] }, { member: 'goal_calendar.region', operator: 'equals', values: ['EMEA', 'NA'] }],
    won: [{ member: 'pipeline.segment', operator: 'equals', values: ['SMB'] }, { member: 'pipeline.region', operator: 'equals', values: ['EMEA', 'NA'] }],
  },
  {
    name: 'channel, team and owner reach won revenue only (goals are not set by them)',
    dims: { channel: ['Paid Search'], team: ['Team A'], owner: ['Ann'], segment: ['Enterprise'] },
    pacing: [{ member: 'goals.segment', operator: 'equals', values: ['Enterprise'] }],
    goal: [{ member: 'goal_calendar.segment', operator: 'equals', values: ['Enterprise'] }],
    won: [
      { member: 'pipeline.channel', operator: 'equals', values: ['Paid Search'] },
      { member: 'pipeline.segment', operator: 'equals', values: ['Enterprise'] },
      { member: 'pipeline.team', operator: 'equals', values: ['Team A'] },
      { member: 'pipeline.owner', operator: 'equals', values: ['Ann'] },
    ],
  },
];

describe('goal queries take the filters the goal views list', () => {
  for (const { name, dims, pacing, goal, won } of cases) {
    it(name, () => {
      const filters = resolved(dims);
      expect(goalPacingQuery(filters).filters).toEqual([{ member: 'goals.period_status', operator: 'equals', values: ['current'] }, ...pacing]);
      expect(goalByMonthQuery(filters).filters).toEqual(goal);
      expect(goalByMonthQuery(filters).measures).toContain('goal_calendar.revenue_goal');
      expect(wonByCloseMonthQuery(filters).filters).toEqual(won);
    });
  }
});
