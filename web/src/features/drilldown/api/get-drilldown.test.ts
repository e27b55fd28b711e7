import { describe, expect, it } from 'vitest';
import { drillQuery } from './get-drilldown';

describe('drillQuery', () => {
  const cases = [
    {
      name: 'keeps only groups where the measure counts (its own filter applies)',
      request: { title: 't', measure: 'funnel.won_count', filters: [], timeDimensions: [{ dimension: 'funnel.mql_date', dateRange: ['2026-01-01', '2026-01-31'] as [string, string] }] },
      members: ['funnel.lead_id', 'funnel.full_name'],
      expected: {
        dimensions: ['funnel.lead_id', 'funnel.full_name'],
        measures: ['funnel.won_count'],
        filters: [{ member: 'funnel.won_count', operator: 'gt', values: ['0'] }],
        timeDimensions: [{ dimension: 'funnel.mql_date', dateRange: ['2026-01-01', '2026-01-31'] }],
        limit: 5000,
      },
    },
    {
      name: 'adds the clicked bar and global filters after it',
      request: { title: 't', measure: 'funnel.mql_count', filters: [{ member: 'funnel.channel', operator: 'equals' as const, values: ['Email'] }], timeDimensions: [] },
      members: ['funnel.lead_id'],
      expected: {
        dimensions: ['funnel.lead_id'],
        measures: ['funnel.mql_count'],
        filters: [
          { member: 'funnel.mql_count', operator: 'gt', values: ['0'] },
          { member: 'funnel.channel', operator: 'equals', values: ['Email'] },
        ],
        timeDimensions: [],
        limit: 5000,
      },
    },
  ];
  for (const c of cases) it(c.name, () => expect(drillQuery(c.request, c.members)).toEqual(c.expected));
});
