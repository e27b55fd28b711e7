import { describe, expect, it } from 'vitest';
import { rowsThatFit } from './data-table';

// Rows 28 px tall below a 28 px header in a box from 0 to `boxBottom` (bottoms as measured).
const bottoms = (n: number, first = 56, height = 28) => Array.from({ length: n }, (_, i) => first + i * height);

describe('rowsThatFit', () => {
  const cases = [
    { name: 'all 100 rendered, the box holds 10 whole rows', boxBottom: 320, rows: bottoms(100), count: 100, expected: 10 },
    { name: 'a row cut by the box edge does not count', boxBottom: 335, rows: bottoms(100), count: 100, expected: 10 },
    { name: 'a row ending exactly at the edge counts (sub-pixel rounding)', boxBottom: 307.6, rows: bottoms(100), count: 100, expected: 10 },
    { name: 'the box grew: 10 rendered, room for 4 more at the tallest row', boxBottom: 432, rows: bottoms(10), count: 100, expected: 14 },
    { name: 'never more than there are rows', boxBottom: 2000, rows: bottoms(10), count: 12, expected: 12 },
    { name: 'uneven rows (collapsed borders): extrapolates at the tallest', boxBottom: 200, rows: [50, 78.5, 107, 135.5], count: 50, expected: 6 },
    { name: 'a box too small for any row', boxBottom: 40, rows: bottoms(5), count: 5, expected: 0 },
    { name: 'nothing rendered', boxBottom: 300, rows: [], count: 0, expected: 0 },
  ];
  for (const c of cases) it(c.name, () => expect(rowsThatFit(c.boxBottom, c.rows, c.count)).toBe(c.expected));
});
