import { describe, expect, it } from 'vitest';
import { nextIndex } from './meeting-deck';

describe('nextIndex (5 slides)', () => {
  const cases = [
    { key: 'ArrowRight', index: 0, expected: 1 },
    { key: 'PageDown', index: 3, expected: 4 },
    { key: 'PageDown', index: 4, expected: 4 },
    { key: ' ', index: 2, expected: 3 },
    { key: 'ArrowLeft', index: 2, expected: 1 },
    { key: 'PageUp', index: 0, expected: 0 },
    { key: 'Home', index: 3, expected: 0 },
    { key: 'End', index: 1, expected: 4 },
    { key: 'a', index: 1, expected: null },
    { key: 'Escape', index: 1, expected: null },
  ];
  for (const c of cases) it(`${JSON.stringify(c.key)} from ${c.index}`, () => expect(nextIndex(c.key, c.index, 5)).toBe(c.expected));
});
