import { renameSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AFTER_REBUILD, FUNNEL_TOTAL } from './expected';
import { FIXTURE_SQL, REBUILD_SQL, cubeGet, num, rebuildInPlace, startFixtureServer } from './helpers';
import type { Fixture, Row } from './helpers';

let fixture: Fixture;
const logged: string[] = [];
beforeAll(async () => {
  fixture = await startFixtureServer({ retireAfterMs: 2_000, log: (message) => logged.push(message) });
  // The first request compiles the model (a minute on a loaded 2-core machine): do it here, not
  // inside the timed test, which is about the rebuild.
  expect(await totals()).toEqual({ lead_count: FUNNEL_TOTAL.lead_count, mql_count: FUNNEL_TOTAL.mql_count });
});
afterAll(async () => {
  await fixture?.close();
});

const queries = [
  { measures: ['funnel.lead_count', 'funnel.mql_count'] },
  { measures: ['funnel.mql_count', 'funnel.acceptance_rate'], dimensions: ['funnel.channel'], timeDimensions: [{ dimension: 'funnel.mql_date', granularity: 'month' }] },
  { measures: ['funnel.median_hours_to_first_touch'], dimensions: ['funnel.team'] },
];

async function totals(): Promise<{ lead_count: number | null; mql_count: number | null }> {
  const { status, body } = await cubeGet(fixture.server.url, 'load', queries[0]);
  if (status !== 200) throw new Error(`HTTP ${status}: ${JSON.stringify(body)}`);
  const row = (body.data as Row[])[0];
  return { lead_count: num(row?.['funnel.lead_count']), mql_count: num(row?.['funnel.mql_count']) };
}

describe('an ETL rebuild while Cube serves', () => {
  it('queries during the rebuild all succeed, and afterwards Cube serves the new numbers without a restart', async () => {
    expect(await totals()).toEqual({ lead_count: FUNNEL_TOTAL.lead_count, mql_count: FUNNEL_TOTAL.mql_count });
    expect(await fixture.server.warehouseGeneration()).toBe(1);

    const failures: string[] = [];
    const seen = new Set<number>();
    let stop = false;
    const done = [0, 0, 0, 0];
    const client = async (offset: number): Promise<number> => {
      let count = 0;
      while (!stop) {
        const query = queries[(count + offset) % queries.length];
        try {
          const { status, body } = await cubeGet(fixture.server.url, 'load', query);
          if (status !== 200) failures.push(`HTTP ${status}: ${JSON.stringify(body.error)}`);
          else if (query === queries[0]) seen.add(num((body.data as Row[])[0]?.['funnel.lead_count']) ?? -1);
        } catch (error) {
          failures.push(String(error));
        }
        count += 1;
        done[offset] = count;
      }
      return count;
    };
    const clients = [0, 1, 2, 3].map(client);

    await new Promise((resolve) => setTimeout(resolve, 300));
    await rebuildInPlace(fixture.warehousePath, [FIXTURE_SQL, REBUILD_SQL]);

    const deadline = Date.now() + 30_000;
    let after = await totals();
    while (after.lead_count !== AFTER_REBUILD.lead_count && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = await totals();
    }
    // Keep querying across the retirement of the old build's driver (2 s), and until every
    // client has made a few queries (each one is slow on a loaded machine).
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const enough = Date.now() + 30_000;
    while (done.some((n) => n <= 5) && Date.now() < enough) await new Promise((resolve) => setTimeout(resolve, 100));
    stop = true;
    const counts = await Promise.all(clients);

    expect(failures).toEqual([]);
    expect(logged.filter((m) => m.startsWith('[cube]'))).toEqual([]);
    expect(after).toEqual(AFTER_REBUILD);
    expect(await fixture.server.warehouseGeneration()).toBe(2);
    expect(counts.every((n) => n > 5)).toBe(true);
    expect([...seen].sort()).toEqual([FUNNEL_TOTAL.lead_count, AFTER_REBUILD.lead_count]);
  });

  it('a second rebuild is picked up too, and the pre-aggregations follow the data', async () => {
    await rebuildInPlace(fixture.warehousePath, [FIXTURE_SQL]);
    expect(await fixture.server.warehouseGeneration()).toBe(3);
    const { body } = await cubeGet(fixture.server.url, 'load', {
      measures: ['funnel.mql_count'],
      dimensions: ['funnel.channel'],
      timeDimensions: [{ dimension: 'funnel.mql_date', granularity: 'month', dateRange: ['2024-03-01', '2024-03-31'] }],
    });
    expect(Object.keys(body.usedPreAggregations as object)).toHaveLength(1);
    const paidSearch = (body.data as Row[]).find((r) => r['funnel.channel'] === 'Paid Search');
    expect(num(paidSearch?.['funnel.mql_count'])).toBe(1);
  });

  it('a broken file renamed over the warehouse is not served: the last good build keeps answering', async () => {
    const broken = `${fixture.warehousePath}.broken`;
    writeFileSync(broken, 'not a database');
    renameSync(broken, fixture.warehousePath);
    expect(await fixture.server.warehouseGeneration()).toBe(3);
    expect(await totals()).toEqual({ lead_count: FUNNEL_TOTAL.lead_count, mql_count: FUNNEL_TOTAL.mql_count });
    expect(logged.some((m) => m.includes('new warehouse build not served yet') && m.includes('not a readable DuckDB database'))).toBe(true);

    await rebuildInPlace(fixture.warehousePath, [FIXTURE_SQL, REBUILD_SQL]);
    expect(await fixture.server.warehouseGeneration()).toBe(4);
    expect(await totals()).toEqual(AFTER_REBUILD);
  });
});
