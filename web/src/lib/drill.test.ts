import { describe, expect, it } from 'vitest';
import { periodRange } from './drill';

describe('periodRange', () => {
  const cases = [
    { start: '2026-02-01T00:00:00.000', g: 'month', within: null, expected: ['2026-02-01', '2026-02-28'] },
    { start: '2026-03-02T00:00:00.000', g: 'week', within: null, expected: ['2026-03-02', '2026-03-08'] },
    { start: '2026-03-01T00:00:00.000', g: 'month', within: ['2026-03-10', '2026-06-30'], expected: ['2026-03-10', '2026-03-31'] },
    { start: '2026-12-28T00:00:00.000', g: 'week', within: ['2026-01-01', '2026-12-31'], expected: ['2026-12-28', '2026-12-31'] },
    { start: '2026-03-05', g: 'day', within: null, expected: ['2026-03-05', '2026-03-05'] },
  ] as const;
  for (const c of cases) it(`${c.start} ${c.g}`, () => expect(periodRange(c.start, c.g, c.within)).toEqual(c.expected));
});
