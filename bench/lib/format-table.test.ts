import { describe, expect, it } from 'vitest';
import { formatTable } from './format-table';
import { percentile, ratio } from './result';

describe('percentile', () => {
  const cases = [
    { values: [5], p: 50, expected: 5 },
    { values: [1, 2, 3, 4], p: 50, expected: 2.5 },
    { values: [10, 1, 7], p: 0, expected: 1 },
    { values: [10, 1, 7], p: 100, expected: 10 },
    { values: Array.from({ length: 101 }, (_, i) => i), p: 95, expected: 95 },
  ];
  it.each(cases)('p$p of $values is $expected', ({ values, p, expected }) => {
    expect(percentile(values, p)).toBeCloseTo(expected, 9);
  });
});

describe('formatTable', () => {
  it('prints figures, ratios with their reference and target, and peak RSS', () => {
    const table = formatTable([
      {
        name: 'etl',
        scale: '1,000 leads',
        figures: [{ name: 'build time', value: 12.5, unit: 's' }],
        ratios: [ratio('build ÷ read_csv', 1.5, 'DuckDB read_csv of the same files', { max: 2 })],
        peakRssMb: 812,
        notes: ['slowest models: leads 3.1 s'],
      },
    ]);
    expect(table).toContain('build time');
    expect(table).toContain('1.500×');
    expect(table).toContain('÷ DuckDB read_csv of the same files');
    expect(table).toContain('<= 2 met');
    expect(table).toMatch(/peak RSS\s+812\s+MB/);
    expect(table).toContain('- etl (1,000 leads): slowest models: leads 3.1 s');
  });
});
