import { describe, expect, it } from 'vitest';
import { fixtureMeta } from '../../../lib/meta-fixture';
import { breakdownChartInput, breakdownTable, trendChartInput, trendTable } from './funnel-data';

// Titles and formats as the model gives them (model/cubes/funnel/leads.yml).
const meta = fixtureMeta({
  'funnel.channel': { title: 'Channel' },
  'funnel.mql_date': { title: 'MQL date', type: 'time' },
  'marketing_sla.committed_mqls': { title: 'MQLs committed', aggType: 'sum', format: 'number_0' },
  'funnel.mql_count': { title: 'MQLs', aggType: 'count', format: 'number' },
  'funnel.sql_count': { title: 'SQLs', aggType: 'count', format: 'number' },
  'funnel.won_count': { title: 'Won', aggType: 'count', format: 'number' },
  'funnel.won_amount': { title: 'Won revenue', aggType: 'sum', format: 'currency' },
  'goal_calendar.mqls_needed': { title: 'MQLs needed for the goal', aggType: 'sum', format: 'number' },
  'goal_calendar.sqls_needed': { title: 'SQLs needed for the goal', aggType: 'sum', format: 'number' },
});

const trend = [
  { month: '2026-01-01', values: { 'funnel.mql_count': 10, 'funnel.sql_count': 4, 'funnel.won_count': 1 } },
  { month: '2026-02-01', values: { 'funnel.mql_count': 12, 'funnel.sql_count': null, 'funnel.won_count': 0 } },
];
const breakdown = [
  { key: 'Paid Search', values: { 'funnel.mql_count': 30, 'funnel.sql_count': 9, 'funnel.won_count': 2, 'funnel.won_amount': 5000 } },
  { key: 'Events', values: { 'funnel.mql_count': 8, 'funnel.sql_count': 1, 'funnel.won_count': 0, 'funnel.won_amount': null } },
];

describe('trend goal lines', () => {
  // January's goal share needs 93.87 MQLs and 16.9 SQLs; February has no goal.
  const goals = new Map([['2026-01-01', { revenue: 105604.4, wins: 4.22, sqls: 16.9, mqls: 93.87 }]]);
  it('dashed in their series’ colours, absent (null) in a month without a goal', () => {
    const input = trendChartInput(meta, trend, false, null, undefined, goals);
    expect(input.series.slice(3)).toEqual([
      { name: 'MQLs needed for the goal', values: [93.87, null], kind: 'line', format: 'number', color: '#0072B2', dashed: true },
      { name: 'SQLs needed for the goal', values: [16.9, null], kind: 'line', format: 'number', color: '#E69F00', dashed: true },
    ]);
    // The actual series' colours, as the chart assigns them (palette order).
    expect(input.series.slice(0, 2).map((s) => s.color)).toEqual([undefined, undefined]);
  });
  it('the table holds the same goal values', () => {
    const t = trendTable(meta, trend, null, undefined, goals);
    expect(t.columns.map((c) => c.title)).toEqual(['MQL date (month)', 'MQLs', 'SQLs', 'Won', 'MQLs needed for the goal', 'SQLs needed for the goal']);
    expect(t.rows.map((r) => [r['goal_mqls'], r['goal_sqls']])).toEqual([[93.87, 16.9], [null, null]]);
  });
  it('no goal in these months: no goal series and no goal columns', () => {
    const none = new Map([['2025-01-01', { revenue: 1, wins: 1, sqls: 1, mqls: 1 }]]);
    expect(trendChartInput(meta, trend, false, null, undefined, none).series).toHaveLength(3);
    expect(trendTable(meta, trend, null, undefined, none).columns).toHaveLength(4);
  });
});

describe('funnel data → chart input', () => {
  const cases = [
    {
      name: 'trend: months as labels, one line per measure',
      actual: () => trendChartInput(meta, trend),
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
      actual: () => breakdownChartInput(meta, breakdown, true),
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
    const t = trendTable(meta, trend);
    expect(t.columns.map((c) => c.title)).toEqual(['MQL date (month)', 'MQLs', 'SQLs', 'Won']);
    expect(t.rows[1]).toEqual({ month: '2026-02-01', 'funnel.mql_count': 12, 'funnel.sql_count': null, 'funnel.won_count': 0 });
  });
  it('breakdown table includes won amount as currency', () => {
    const t = breakdownTable(meta, breakdown, 'funnel.channel');
    expect(t.columns.map((c) => `${c.title}:${c.format}`)).toEqual(['Channel:text', 'MQLs:integer', 'SQLs:integer', 'Won:integer', 'Won revenue:currency']);
    expect(t.columns.at(-1)).toEqual({ key: 'funnel.won_amount', title: 'Won revenue', format: 'currency' });
    expect(t.rows[0]).toMatchObject({ key: 'Paid Search', 'funnel.won_amount': 5000 });
  });
});

describe('MQL targets on the trend', () => {
  const targets = new Map([['2026-01-01', 11]]);
  const cases = [
    { name: 'a dashed target line, null where a month has no target', actual: () => trendChartInput(meta, trend, false, targets).series[3], expected: { name: 'MQLs committed', values: [11, null], kind: 'line', format: 'integer', color: '#000000', dashed: true } },
    { name: 'no target series without targets', actual: () => trendChartInput(meta, trend, false, new Map()).series.length, expected: 3 },
    { name: 'the table gets a target column', actual: () => trendTable(meta, trend, targets).rows.map((r) => r.target), expected: [11, null] },
  ];
  for (const c of cases) it(c.name, () => expect(c.actual()).toEqual(c.expected));
});

describe('trend maturity marks', () => {
  const point = (month: string, mqls: number) => ({ month, values: { 'funnel.mql_count': mqls, 'funnel.sql_count': 1, 'funnel.won_count': 0 } });
  const months = [point('2026-08-01', 10), point('2026-09-01', 11), point('2026-10-01', 12)];
  const maturity = [
    { sql: true, won: true },
    { sql: true, won: false },
    { sql: false, won: false },
  ];
  it('shades from the first month not yet mature to the last', () => {
    expect(trendChartInput(meta, months, false, null, maturity).shade).toEqual({ from: 'Sep 2026', to: 'Oct 2026', label: 'not yet mature' });
  });
  it('no shade when every month has settled', () => {
    expect(trendChartInput(meta, months, false, null, maturity.map(() => ({ sql: true, won: true }))).shade).toBeUndefined();
  });
  it('the table says which rates have not settled', () => {
    const t = trendTable(meta, months, null, maturity);
    expect(t.columns.map((c) => c.title)).toContain('Cohort maturity');
    expect(t.rows.map((r) => r['maturity'])).toEqual(['', 'Won not yet mature', 'SQLs and won not yet mature']);
  });
  it('no maturity column when every month has settled', () => {
    expect(trendTable(meta, months, null, maturity.map(() => ({ sql: true, won: true }))).columns.map((c) => c.key)).not.toContain('maturity');
  });
});
