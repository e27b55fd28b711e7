import { describe, expect, it } from 'vitest';
import { byChannelChartInput, byChannelTable, conversionChartInput, describeUnmappedReasons, reasonChartInput, revenueChartInput, totalsBy } from './quality-data';

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
    const input = reasonChartInput(totalsBy(cells, 'reason'));
    expect(input.categories).toEqual(['Competitor', 'No budget', 'Bad timing']);
    expect(input.series[0]?.values).toEqual([5, 4, 1]);
    expect(input.labels).toBe(true);
  });
  it('reasons: "Other (unmapped)" is a grey series of its own, on its own bar', () => {
    const input = reasonChartInput(totalsBy([...cells, { reason: 'Other (unmapped)', channel: 'Email', count: 2 }], 'reason'));
    expect(input.categories).toEqual(['Competitor', 'No budget', 'Other (unmapped)', 'Bad timing']);
    expect(input.series.map((s) => [s.name, s.values, s.color])).toEqual([
      ['Rejected leads', [5, 4, null, 1], '#D55E00'],
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
    const input = byChannelChartInput(cells);
    expect(input.categories).toEqual(['Events', 'Email']);
    expect(input.series.map((s) => [s.name, s.stack, s.values])).toEqual([
      ['Competitor', 'reasons', [5, 0]],
      ['No budget', 'reasons', [1, 3]],
      ['Bad timing', 'reasons', [0, 1]],
    ]);
  });
  it('by channel table: a column per reason and a total', () => {
    const t = byChannelTable(cells);
    expect(t.columns.map((c) => c.title)).toEqual(['Channel', 'Competitor', 'No budget', 'Bad timing', 'Total']);
    expect(t.rows[1]).toEqual({ channel: 'Email', 'reason:Competitor': 0, 'reason:No budget': 3, 'reason:Bad timing': 1, total: 4 });
  });
});

describe('conversion and revenue', () => {
  const conv = [{ key: 'Email', values: { 'funnel.mql_count': 10, 'funnel.acceptance_rate': 0.5, 'funnel.mql_to_sql_rate': 0.2, 'funnel.close_rate': null, 'funnel.rejected_count': 2 } }];
  const cases = [
    { name: 'conversion: two percent series', actual: conversionChartInput(conv).series.map((s) => [s.name, s.format, s.values]), expected: [['Acceptance rate', 'percent', [0.5]], ['MQL → SQL rate', 'percent', [0.2]]] },
    { name: 'conversion: percent axis', actual: conversionChartInput(conv).format, expected: 'percent' },
    { name: 'revenue: currency bars', actual: revenueChartInput([{ key: 'Web', wonAmount: 1200, wonCount: 2 }]).series.map((s) => [s.format, s.values]), expected: [['currency', [1200]]] },
  ];
  for (const c of cases) it(c.name, () => expect(c.actual).toEqual(c.expected));
});
