import { describe, expect, it } from 'vitest';
import { ResultSet } from '@cubejs-client/core';
import type { Cube, Query } from '@cubejs-client/core';
import { indexMeta } from '../../../lib/cube-meta';
import { explorePivots } from '../api/get-explore-result';
import { ExploreLinkError, chartKind, exploreChartInput, exploreSearch, exploreTable, exploreTitle, parseExploreSearch } from './explore-data';

// /meta as Cube serves a fragment of the funnel view.
const meta = indexMeta([
  {
    name: 'funnel', title: 'Lead funnel', type: 'view', public: true, segments: [], folders: [], nestedFolders: [], hierarchies: [],
    dimensions: [
      { name: 'funnel.channel', title: 'Lead funnel Channel', shortTitle: 'Channel', type: 'string' },
      { name: 'funnel.mql_date', title: 'Lead funnel MQL date', shortTitle: 'MQL date', type: 'time' },
    ],
    measures: [
      { name: 'funnel.mql_count', title: 'Lead funnel MQLs', shortTitle: 'MQLs', type: 'number', aggType: 'count', format: 'number' },
      { name: 'funnel.close_rate', title: 'Lead funnel Close rate', shortTitle: 'Close rate', type: 'number', aggType: 'number', format: 'percent' },
    ],
  } as unknown as Cube,
]);

describe('chartKind: the chart follows the query shape', () => {
  const cases: { query: Query; expected: ReturnType<typeof chartKind> }[] = [
    { query: { measures: ['funnel.mql_count'] }, expected: 'number' },
    { query: { measures: ['funnel.mql_count'], dimensions: ['funnel.channel'] }, expected: 'bar' },
    { query: { measures: ['funnel.mql_count'], timeDimensions: [{ dimension: 'funnel.mql_date', granularity: 'month' }] }, expected: 'line' },
    { query: { measures: ['funnel.mql_count'], dimensions: ['funnel.channel'], timeDimensions: [{ dimension: 'funnel.mql_date', granularity: 'week' }] }, expected: 'line' },
    { query: { measures: ['funnel.mql_count'], timeDimensions: [{ dimension: 'funnel.mql_date', dateRange: ['2026-01-01', '2026-01-31'] }] }, expected: 'number' },
    { query: { dimensions: ['funnel.channel'] }, expected: 'table' },
  ];
  for (const { query, expected } of cases) it(`${JSON.stringify(query)} → ${expected}`, () => expect(chartKind(query)).toBe(expected));
});

describe('the query in the URL', () => {
  const cases: { name: string; state: { view: string | null; query: Query } }[] = [
    { name: 'measures and dimensions', state: { view: 'funnel', query: { measures: ['funnel.mql_count'], dimensions: ['funnel.channel'] } } },
    { name: 'time, granularity, range and a filter', state: { view: 'funnel', query: { measures: ['funnel.mql_count'], timeDimensions: [{ dimension: 'funnel.mql_date', granularity: 'month', dateRange: ['2026-01-01', '2026-06-30'] }], filters: [{ member: 'funnel.channel', operator: 'equals', values: ['Email'] }] } } },
    { name: 'a view and nothing picked yet', state: { view: 'pipeline', query: {} } },
  ];
  for (const { name, state } of cases) it(`round-trips: ${name}`, () => expect(parseExploreSearch(exploreSearch(state))).toEqual(state));
  it('leaves out empty parts', () => expect(exploreSearch({ view: 'funnel', query: { measures: [], dimensions: ['funnel.channel'], filters: [] } }).toString()).toBe('view=funnel&q=%7B%22dimensions%22%3A%5B%22funnel.channel%22%5D%7D'));
  it('takes the view from the first member when the link has none', () => expect(parseExploreSearch('q={"measures":["funnel.mql_count"]}').view).toBe('funnel'));
  it('says what to do with a broken link', () => {
    expect(() => parseExploreSearch('q={nope')).toThrow(ExploreLinkError);
    expect(() => parseExploreSearch('q=[1]')).toThrow('Pick a view and members to start again');
  });
});

describe('result → table and chart, titles and formats from /meta', () => {
  const byChannel: Query = { measures: ['funnel.mql_count', 'funnel.close_rate'], dimensions: ['funnel.channel'] };
  const rows = [
    { 'funnel.channel': 'Email', 'funnel.mql_count': '12', 'funnel.close_rate': '0.25' },
    { 'funnel.channel': 'Events', 'funnel.mql_count': '3', 'funnel.close_rate': null },
  ];
  it('columns in query order with the model titles and formats; numbers parsed', () => {
    expect(exploreTable(rows, byChannel, meta)).toEqual({
      columns: [
        { key: 'funnel.channel', title: 'Channel', format: 'text' },
        { key: 'funnel.mql_count', title: 'MQLs', format: 'integer' },
        { key: 'funnel.close_rate', title: 'Close rate', format: 'percent' },
      ],
      rows: [
        { 'funnel.channel': 'Email', 'funnel.mql_count': 12, 'funnel.close_rate': 0.25 },
        { 'funnel.channel': 'Events', 'funnel.mql_count': 3, 'funnel.close_rate': null },
      ],
    });
  });
  it('a time dimension column is keyed by granularity and shown as months', () => {
    const q: Query = { measures: ['funnel.mql_count'], timeDimensions: [{ dimension: 'funnel.mql_date', granularity: 'month' }] };
    expect(exploreTable([], q, meta).columns[0]).toEqual({ key: 'funnel.mql_date.month', title: 'MQL date (month)', format: 'month' });
  });
  it('bars from chartPivot, one series per measure, each in its format', () => {
    const chart = [{ x: 'Email', xValues: ['Email'], 'funnel.mql_count': 12, 'funnel.close_rate': 0.25 }, { x: 'Events', xValues: ['Events'], 'funnel.mql_count': 3, 'funnel.close_rate': null }];
    const series = [
      { key: 'funnel.mql_count', title: 'Lead funnel MQLs', shortTitle: 'MQLs', yValues: ['funnel.mql_count'] },
      { key: 'funnel.close_rate', title: 'Lead funnel Close rate', shortTitle: 'Close rate', yValues: ['funnel.close_rate'] },
    ];
    const input = exploreChartInput(chart, series, byChannel, meta);
    expect(input?.categories).toEqual(['Email', 'Events']);
    expect(input?.series.map((s) => [s.name, s.kind, s.format, s.values, s.axis])).toEqual([
      ['MQLs', 'bar', 'integer', [12, 3], 0],
      ['Close rate', 'bar', 'percent', [0.25, null], 1],
    ]);
  });
  it('a measure split by a dimension over time: series named by value and measure', () => {
    const q: Query = { measures: ['funnel.mql_count'], dimensions: ['funnel.channel'], timeDimensions: [{ dimension: 'funnel.mql_date', granularity: 'month' }] };
    const chart = [{ x: '2026-01-01T00:00:00.000', xValues: ['2026-01-01T00:00:00.000'], 'Email,funnel.mql_count': 4 }];
    const input = exploreChartInput(chart, [{ key: 'Email,funnel.mql_count', title: 'Email, Lead funnel MQLs', shortTitle: 'Email, MQLs', yValues: ['Email', 'funnel.mql_count'] }], q, meta);
    expect(input?.series.map((s) => [s.name, s.kind, s.values])).toEqual([['Email, MQLs', 'line', [4]]]);
    expect(input?.categories).toEqual(['Jan 2026']);
  });
  it('a single number has no chart', () => expect(exploreChartInput([], [], { measures: ['funnel.mql_count'] }, meta)).toBeNull());
  it("what the answer lacks is 0 for a count and no value for a rate, through the Cube client's own pivot", () => {
    // Events had no MQL in February: the answer has no row for it, and Email's rate is NULL.
    const q: Query = { measures: ['funnel.mql_count', 'funnel.close_rate'], dimensions: ['funnel.channel'], timeDimensions: [{ dimension: 'funnel.mql_date', granularity: 'month', dateRange: ['2026-01-01', '2026-02-28'] }] };
    const row = (month: string, channel: string, mqls: string, rate: string | null) => ({ 'funnel.mql_date.month': `2026-${month}-01T00:00:00.000`, 'funnel.mql_date': `2026-${month}-01T00:00:00.000`, 'funnel.channel': channel, 'funnel.mql_count': mqls, 'funnel.close_rate': rate });
    // The shape of Cube's /load answer (the client pivots by `pivotQuery`, the normalised query).
    const normalised = { ...q, filters: [], timezone: 'UTC', timeDimensions: [{ dimension: 'funnel.mql_date', granularity: 'month', dateRange: ['2026-01-01T00:00:00.000', '2026-02-28T23:59:59.999'] }] };
    const resultSet = new ResultSet({
      query: normalised,
      pivotQuery: { ...normalised, queryType: 'regularQuery' },
      data: [row('01', 'Email', '4', '0.5'), row('01', 'Events', '2', '0.25'), row('02', 'Email', '3', null)],
      lastRefreshTime: '2026-03-01T00:00:00.000Z',
      usedPreAggregations: {},
      annotation: {
        measures: { 'funnel.mql_count': { title: 'Lead funnel MQLs', shortTitle: 'MQLs', type: 'number' }, 'funnel.close_rate': { title: 'Lead funnel Close rate', shortTitle: 'Close rate', type: 'number' } },
        dimensions: { 'funnel.channel': { title: 'Lead funnel Channel', shortTitle: 'Channel', type: 'string' } },
        segments: {},
        timeDimensions: { 'funnel.mql_date.month': { title: 'Lead funnel MQL date', shortTitle: 'MQL date', type: 'time' } },
      },
    } as unknown as ConstructorParameters<typeof ResultSet>[0]);
    const { chart, series } = explorePivots(resultSet);
    const input = exploreChartInput(chart, series, q, meta);
    expect(input?.categories).toEqual(['Jan 2026', 'Feb 2026']);
    expect(Object.fromEntries(input?.series.map((s) => [s.name, s.values]) ?? [])).toEqual({
      'Email, MQLs': [4, 3],
      'Email, Close rate': [0.5, null],
      'Events, MQLs': [2, 0],
      'Events, Close rate': [0.25, null],
    });
  });
  const titles = [
    { query: byChannel, expected: 'MQLs and Close rate by Channel' },
    { query: { measures: ['funnel.mql_count'], timeDimensions: [{ dimension: 'funnel.mql_date', granularity: 'month' }] } as Query, expected: 'MQLs by MQL date (month)' },
    { query: { dimensions: ['funnel.channel'] } as Query, expected: 'Rows by Channel' },
  ];
  for (const { query, expected } of titles) it(`title: ${expected}`, () => expect(exploreTitle(query, meta)).toBe(expected));
});
