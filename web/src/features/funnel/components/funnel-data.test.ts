import { describe, expect, it } from 'vitest';
import type { Cube } from '@cubejs-client/core';
import { indexMeta } from '../../../lib/cube-meta';
import { breakdownChartInput, breakdownTable, trendChartInput, trendTable } from './funnel-data';

// Titles and formats as /meta serves them for the funnel view (model/cubes/funnel/leads.yml).
const measure = (name: string, shortTitle: string, format: string, aggType: string) => ({ name, title: `Lead funnel ${shortTitle}`, shortTitle, type: 'number', format, aggType });
const meta = indexMeta([
  {
    name: 'funnel', title: 'Lead funnel', type: 'view', public: true, segments: [], folders: [], nestedFolders: [], hierarchies: [],
    dimensions: [{ name: 'funnel.mql_date', title: 'Lead funnel MQL date', shortTitle: 'MQL date', type: 'time' }],
    measures: [measure('funnel.mql_count', 'MQLs', 'number', 'count'), measure('funnel.sql_count', 'SQLs', 'number', 'count'), measure('funnel.won_count', 'Won', 'number', 'count'), measure('funnel.won_amount', 'Won revenue', 'currency', 'sum')],
  } as unknown as Cube,
]);

const trend = [
  { month: '2026-01-01', values: { 'funnel.mql_count': 10, 'funnel.sql_count': 4, 'funnel.won_count': 1 } },
  { month: '2026-02-01', values: { 'funnel.mql_count': 12, 'funnel.sql_count': null, 'funnel.won_count': 0 } },
];
const breakdown = [
  { key: 'Paid Search', values: { 'funnel.mql_count': 30, 'funnel.sql_count': 9, 'funnel.won_count': 2, 'funnel.won_amount': 5000 } },
  { key: 'Events', values: { 'funnel.mql_count': 8, 'funnel.sql_count': 1, 'funnel.won_count': 0, 'funnel.won_amount': null } },
];

describe('funnel data → chart input', () => {
  const cases = [
    {
      name: 'trend: months as labels, one line per measure',
      actual: () => trendChartInput(trend, meta),
      expected: {
        categories: ['Jan 2026', 'Feb 2026'],
        series: [
          { name: 'MQLs', values: [10, 12], kind: 'line', format: 'integer' },
          { name: 'SQLs', values: [4, null], kind: 'line', format: 'integer' },
          { name: 'Won', values: [1, 0], kind: 'line', format: 'integer' },
        ],
        format: 'integer',
        large: false,
      },
    },
    {
      name: 'breakdown: horizontal bars of MQLs, SQLs, won',
      actual: () => breakdownChartInput(breakdown, meta, true),
      expected: {
        categories: ['Paid Search', 'Events'],
        series: [
          { name: 'MQLs', values: [30, 8], format: 'integer' },
          { name: 'SQLs', values: [9, 1], format: 'integer' },
          { name: 'Won', values: [2, 0], format: 'integer' },
        ],
        horizontal: true,
        format: 'integer',
        large: true,
      },
    },
  ];
  for (const c of cases) it(c.name, () => expect(c.actual()).toEqual(c.expected));
});

describe('funnel data → tables', () => {
  it('trend table has a row per month', () => {
    const t = trendTable(trend, meta);
    expect(t.columns.map((c) => c.title)).toEqual(['MQL date', 'MQLs', 'SQLs', 'Won']);
    expect(t.rows[1]).toEqual({ month: '2026-02-01', 'funnel.mql_count': 12, 'funnel.sql_count': null, 'funnel.won_count': 0 });
  });
  it('breakdown table includes won amount as currency', () => {
    const t = breakdownTable(breakdown, 'Channel', meta);
    expect(t.columns.at(-1)).toEqual({ key: 'funnel.won_amount', title: 'Won revenue', format: 'currency' });
    expect(t.rows[0]).toMatchObject({ key: 'Paid Search', 'funnel.won_amount': 5000 });
  });
});

describe('MQL targets on the trend', () => {
  const targets = new Map([['2026-01-01', 11]]);
  const cases = [
    { name: 'a dashed target line, null where a month has no target', actual: () => trendChartInput(trend, meta, false, targets).series[3], expected: { name: 'MQL target', values: [11, null], kind: 'line', format: 'integer', color: '#000000', dashed: true } },
    { name: 'no target series without targets', actual: () => trendChartInput(trend, meta, false, new Map()).series.length, expected: 3 },
    { name: 'the table gets a target column', actual: () => trendTable(trend, meta, targets).rows.map((r) => r.target), expected: [11, null] },
  ];
  for (const c of cases) it(c.name, () => expect(c.actual()).toEqual(c.expected));
});
