import { describe, expect, it } from 'vitest';
import { WarehouseDriver } from './warehouse-driver';

/** How Cube writes a build's time into a pre-aggregation table's name (PreAggregations.encodeTimeStamp). */
const nameSuffix = (time: number): string => Math.floor(time / 1000).toString(32);

describe('pre-aggregation build stamps', () => {
  it('never give two builds of one driver the same table name, nor a time in the future', () => {
    const driver = new WarehouseDriver('/nonexistent/warehouse.duckdb', 1);
    const before = Date.now();
    const stamps = Array.from({ length: 12 }, () => driver.nowTimestamp());
    const after = Date.now();
    expect(new Set(stamps.map(nameSuffix)).size).toBe(stamps.length);
    for (const stamp of stamps) {
      expect(stamp).toBeLessThanOrEqual(after);
      expect(stamp % 1000).toBe(0);
    }
    // The first is the current second; later ones step back one second at a time.
    expect(stamps[0]).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(stamps.at(-1)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 - 11_000);
  });
});
