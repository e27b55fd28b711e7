import { describe, expect, it } from 'vitest';
import { fixtureMeta } from '../../../lib/meta-fixture';
import { byChannelChartInput, byChannelTable, conversionChartInput, conversionTable, describeUnmappedReasons, reasonChartInput, reasonTable, revenueChartInput, revenueTable, totalsBy } from './quality-data';

// Titles and formats as the model gives them (model/cubes/funnel/leads.yml).
const meta = fixtureMeta({
  'funnel.channel': { title: 'Channel' },
  'funnel.campaign': { title: 'Campaign' },
  'funnel.rejection_reason': { title: 'Rejection reason' },
  'funnel.mql_count': { title: 'MQLs', aggType: 'count', format: 'number' },
  'funnel.rejected_count': { title: 'Rejected by sales', aggType: 'count', format: 'number' },
  'funnel.won_count': { title: 'Won', aggType: 'count', format: 'number' },
  'funnel.won_amount': { title: 'Won revenue', aggType: 'sum', format: 'currency' },
  'funnel.acceptance_rate': { title: 'Acceptance rate', aggType: 'number', format: 'percent' },
  'funnel.mql_to_sql_rate': { title: 'MQL to SQL rate', aggType: 'number', format: 'percent' },
  'funnel.close_rate': { title: 'Close rate', aggType: 'number', format: 'percent' },
});

const cells = [
  { reason: 'No budget', channel: 'Email', count: 3 },
  { reason: 'No budget', channel: 'Events', count: 1 },
  { reason: 'Competitor', channel: 'Events', count: 5 },
  { reason: 'Bad timing', channel: 'Email', count: 1 },
];

describe('totalsBy', () => {
  const cases = [
    { field: 'reason' as const, expected: [{ key: 'Competitor', count: 5 }, { key: 'No budget', count: 4 }, { key: 'Bad timing', count: 1 }] },
    { field: 'channel' as const, expected: [{ key: 'Events', count: 6 }, { key: 'Email', count: 4 }] },
  ];
  for (const c of cases) it(c.field, () => expect(totalsBy(cells, c.field)).toEqual(c.expected));
});

describe('rejection charts', () => {
  it('reasons: one bar series with labels', () => {
    const input = reasonChartInput(meta, totalsBy(cells, 'reason'));
    expect(input.categories).toEqual(['Competitor', 'No budget', 'Bad timing']);
    expect(input.series[0]?.values).toEqual([5, 4, 1]);
    expect(input.labels).toBe(true);
    expect([input.series[0]?.name, input.series[0]?.format]).toEqual(['Rejected by sales', 'integer']);
    expect(reasonTable(meta, totalsBy(cells, 'reason')).columns.map((c) => `${c.title}:${c.format}`)).toEqual(['Rejection reason:text', 'Rejected by sales:integer']);
  });
  it('reasons: "Other (unmapped)" is a grey series of its own, on its own bar', () => {
    const input = reasonChartInput(meta, totalsBy([...cells, { reason: 'Other (unmapped)', channel: 'Email', count: 2 }], 'reason'));
    expect(input.categories).toEqual(['Competitor', 'No budget', 'Other (unmapped)', 'Bad timing']);
    expect(input.series.map((s) => [s.name, s.values, s.color])).toEqual([
      ['Rejected by sales', [5, 4, null, 1], '#D55E00'],
      ['Not mapped by the agreement', [null, null, 2, null], '#8C8C8C'],
    ]);
  });
  const unmappedCases = [
    { name: 'lists each raw code with its system and count', reasons: [{ system: 'hubspot', raw: 'NOT_A_FIT', count: 12 }, { system: 'salesforce', raw: 'Spam', count: 4 }], expected: { text: 'hubspot "NOT_A_FIT" (12), salesforce "Spam" (4)', more: '' } },
    {
      name: 'says how many more beyond five',
      reasons: ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((raw) => ({ system: 'salesforce', raw, count: 1 })),
      expected: { text: 'salesforce "a" (1), salesforce "b" (1), salesforce "c" (1), salesforce "d" (1), salesforce "e" (1)', more: ', and 2 more' },
    },
  ];
  for (const c of unmappedCases) it(`unmapped note ${c.name}`, () => expect(describeUnmappedReasons(c.reasons)).toEqual(c.expected));
  it('by channel: one stacked series per reason, zeros where a channel has none', () => {
    const input = byChannelChartInput(meta, cells);
    expect(input.categories).toEqual(['Events', 'Email']);
    expect(input.series.map((s) => [s.name, s.stack, s.values])).toEqual([
      ['Competitor', 'reasons', [5, 0]],
      ['No budget', 'reasons', [1, 3]],
      ['Bad timing', 'reasons', [0, 1]],
    ]);
  });
  it('by channel table: a column per reason and a total', () => {
    const t = byChannelTable(meta, cells);
    expect(t.columns.map((c) => c.title)).toEqual(['Channel', 'Competitor', 'No budget', 'Bad timing', 'Rejected by sales (total)']);
    expect(t.rows[1]).toEqual({ channel: 'Email', 'reason:Competitor': 0, 'reason:No budget': 3, 'reason:Bad timing': 1, total: 4 });
  });
});

describe('conversion and revenue', () => {
  const conv = [{ key: 'Email', values: { 'funnel.mql_count': 10, 'funnel.acceptance_rate': 0.5, 'funnel.mql_to_sql_rate': 0.2, 'funnel.close_rate': null, 'funnel.rejected_count': 2 } }];
  const cases = [
    { name: 'conversion: two percent series', actual: conversionChartInput(meta, conv).series.map((s) => [s.name, s.format, s.values]), expected: [['Acceptance rate', 'percent', [0.5]], ['MQL to SQL rate', 'percent', [0.2]]] },
    { name: 'conversion: percent axis', actual: conversionChartInput(meta, conv).format, expected: 'percent' },
    { name: 'conversion table: the dimension, then the measures', actual: conversionTable(meta, conv, 'funnel.campaign').columns.map((c) => `${c.title}:${c.format}`), expected: ['Campaign:text', 'MQLs:integer', 'Acceptance rate:percent', 'MQL to SQL rate:percent', 'Close rate:percent', 'Rejected by sales:integer'] },
    { name: 'revenue: currency bars', actual: revenueChartInput(meta, [{ key: 'Web', wonAmount: 1200, wonCount: 2 }]).series.map((s) => [s.name, s.format, s.values]), expected: [['Won revenue', 'currency', [1200]]] },
    { name: 'revenue table', actual: revenueTable(meta, [], 'funnel.channel').columns.map((c) => `${c.title}:${c.format}`), expected: ['Channel:text', 'Won revenue:currency', 'Won:integer'] },
  ];
  for (const c of cases) it(c.name, () => expect(c.actual).toEqual(c.expected));
});
