import { describe, expect, it } from 'vitest';
import { parseMemoryLimit } from './model';

describe('parseMemoryLimit', () => {
  it.each([
    ['2.7 GiB', 2.7 * 2 ** 30],
    ['476.8 MiB', 476.8 * 2 ** 20],
    ['3GB', 3e9],
    ['512 KiB', 512 * 1024],
    ['', 3 * 2 ** 30],
    ['unlimited', 3 * 2 ** 30],
  ])('%s → %d bytes', (text, bytes) => {
    expect(parseMemoryLimit(text)).toBeCloseTo(bytes, 0);
  });
});
