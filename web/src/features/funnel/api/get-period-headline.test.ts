import { describe, expect, it } from 'vitest';
import { parseFilters, resolveFilters } from '../../../lib/filters';
import type { FilterDimension } from '../../../lib/filters';
import { periodHeadlineQueries } from './get-period-headline';

const filterMembers = {
  funnel: { channel: 'funnel.channel', segment: 'funnel.segment', region: 'funnel.region', team: 'funnel.team', owner: 'funnel.owner' },
  funnel_period: { channel: 'funnel_period.channel', segment: 'funnel_period.segment', region: 'funnel_period.region', team: 'funnel_period.team', owner: 'funnel_period.owner' },
};
const none: Record<FilterDimension, readonly string[]> = { channel: [], segment: [], region: [], team: [], owner: [] };

describe('period headline: each tile counted by its own date', () => {
  const filters = resolveFilters({ ...parseFilters('from=2026-07-01&to=2026-09-30'), dims: { ...none, channel: ['Email'] } }, '2026-10-31', filterMembers, '2025-01-01');
  const queries = periodHeadlineQueries(filters);
  const cases = [
    { date: 'funnel_period.entered_date', measures: ['funnel_period.mql_count', 'funnel_period.acceptance_rate', 'funnel_period.mql_to_sql_rate', 'funnel_period.close_rate'], filter: 'funnel_period.channel' },
    { date: 'funnel.handoff_date', measures: ['funnel.sla_compliance_rate'], filter: 'funnel.channel' },
    { date: 'funnel.won_date', measures: ['funnel.won_amount'], filter: 'funnel.channel' },
  ];
  it('one request per date', () => expect(queries.map((q) => q.date)).toEqual(cases.map((c) => c.date)));
  for (const c of cases) {
    it(`${c.date}: ${c.measures.join(', ')}, against the previous quarter, filtered on its view`, () => {
      const q = queries.find((x) => x.date === c.date)?.query;
      expect(q?.measures).toEqual(c.measures);
      expect(q?.timeDimensions).toEqual([{ dimension: c.date, compareDateRange: [['2026-07-01', '2026-09-30'], ['2026-04-01', '2026-06-30']] }]);
      expect(q?.filters).toEqual([{ member: c.filter, operator: 'equals', values: ['Email'] }]);
    });
  }
});
