import { describe, expect, it } from 'vitest';
import { comparisonChartInput, comparisonTable, modelTotals } from './attribution-data';

// Two models over two channels, hand-made: first touch gives Events 300 and Email 100; linear
// 200 and 200. Both total 400.
const cells = [
  { model: 'linear', channel: 'Email', revenue: 200 },
  { model: 'first_touch', channel: 'Events', revenue: 300 },
  { model: 'first_touch', channel: 'Email', revenue: 100 },
  { model: 'linear', channel: 'Events', revenue: 200 },
];

describe('model comparison', () => {
  it('totals per model, in the page order of the models', () => {
    expect(modelTotals(cells)).toEqual([
      { model: 'first_touch', revenue: 400 },
      { model: 'linear', revenue: 400 },
    ]);
  });

  it('channels by total revenue (Events 500 before Email 300), one series per model', () => {
    const input = comparisonChartInput(cells);
    expect(input.categories).toEqual(['Events', 'Email']);
    expect(input.series.map((s) => [s.name, s.values])).toEqual([
      ['First touch', [300, 100]],
      ['Linear', [200, 200]],
    ]);
  });

  it('the table view has a column per model', () => {
    expect(comparisonTable(cells).rows).toEqual([
      { channel: 'Events', first_touch: 300, linear: 200 },
      { channel: 'Email', first_touch: 100, linear: 200 },
    ]);
  });
});
