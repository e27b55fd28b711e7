/**
 * Stress test for the pre-aggregation start-up race: every build of the warehouse starts with
 * no rollup tables (a fresh server, or a switch to a new build), and the first requests race
 * Cube's refresh worker to build them. No query may fail while that happens.
 *
 * A switch is a fresh start for the rollups (a new orchestrator over a new in-memory database)
 * without recompiling the model, so the test does many of them in a loop, with clients querying
 * all the while and a burst of queries over every rollup right after each switch; then real
 * fresh starts of the server, as many as fit.
 *
 * The race is rare as it comes (about one start in a hundred): the second builder must enqueue
 * just after the first one's build has finished, within the same second. A busy machine widens
 * that window, so the loops run twice: as they come, and with a slow catalog, where each
 * builder waits 0–600 ms before it creates the pre-aggregation schema (real latency added to the
 * real driver's call, nothing answered in its place). Without the fix in warehouse-driver.ts
 * (`nowTimestamp`), the slow-catalog runs fail in every run with the errors users saw:
 * "Table with name … already exists" and "Pre-aggregation table is not found … after it was
 * successfully created".
 *
 * The second error came back on a loaded machine (about one loaded run in eight, two test files
 * at a time) for another reason: Cube caches its list of rollup tables, and a list read beside
 * another rollup's CREATE TABLE overwrote the list the builder had cached (warehouse-driver.ts,
 * `getTablesQuery`). The slow catalog delays those reads too; the last test checks the order
 * itself, without timing.
 */
import { copyFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/src/start-server';
import { WarehouseDriver } from '../../server/src/warehouse/warehouse-driver';
import { AFTER_REBUILD, FUNNEL_TOTAL } from './expected';
import { FIXTURE_SQL, REBUILD_SQL, buildWarehouse, cubeGet, num, startFixtureServer, tempDir } from './helpers';
import type { Fixture, Row } from './helpers';

const TOTALS = { measures: ['funnel.lead_count', 'funnel.mql_count'] };
/** One query per rollup of the model (checked below through usedPreAggregations), and the totals. */
const ROLLUP_QUERIES = [
  TOTALS,
  { measures: ['funnel.mql_count', 'funnel.acceptance_rate'], dimensions: ['funnel.channel'], timeDimensions: [{ dimension: 'funnel.mql_date', granularity: 'month' }] },
  { measures: ['funnel.mql_count'], dimensions: ['funnel.campaign'], timeDimensions: [{ dimension: 'funnel.mql_date', granularity: 'month' }] },
  { measures: ['funnel.mql_count'], dimensions: ['funnel.owner'], timeDimensions: [{ dimension: 'funnel.mql_date', granularity: 'month' }] },
  { measures: ['funnel.rejected_count'], dimensions: ['funnel.rejection_reason'], timeDimensions: [{ dimension: 'funnel.mql_date', granularity: 'month' }] },
  { measures: ['funnel.sla_met_count'], timeDimensions: [{ dimension: 'funnel.handoff_date', granularity: 'day' }] },
  { measures: ['funnel.lead_count'], timeDimensions: [{ dimension: 'funnel.created_date', granularity: 'month' }] },
  { measures: ['pipeline.opportunity_count', 'pipeline.amount'], timeDimensions: [{ dimension: 'pipeline.created_date', granularity: 'month' }] },
  { measures: ['pipeline.won_amount'], timeDimensions: [{ dimension: 'pipeline.close_date', granularity: 'month' }] },
  { measures: ['pipeline.open_count', 'pipeline.open_amount'], dimensions: ['pipeline.owner'] },
] as const;

/**
 * Each loop's budget. Without the fix, 10 s of slow-catalog switches (8–9 of them) and of
 * fresh starts (two) failed in each of five runs (2026-12-05); 20 s added time, not detection.
 */
const LOOP_BUDGET_MS = 10_000;
const TEST_TIMEOUT_MS = 60_000;
/** A fresh start compiles the model, 10–60 s on a 2-core machine shared with other test runs. */
const FRESH_START_TIMEOUT_MS = 120_000;

type Totals = { lead_count: number | null; mql_count: number | null };

function totalsOf(body: Record<string, unknown>): Totals {
  const row = (body.data as Row[] | undefined)?.[0];
  return { lead_count: num(row?.['funnel.lead_count']), mql_count: num(row?.['funnel.mql_count']) };
}

/** Runs every rollup query at once (each twice: two clients racing each other and the refresh worker). */
async function burst(url: string, failures: string[], label: string): Promise<{ totals: Totals[]; rollups: Set<string> }> {
  const totals: Totals[] = [];
  const rollups = new Set<string>();
  await Promise.all(
    [...ROLLUP_QUERIES, ...ROLLUP_QUERIES].map(async (query) => {
      try {
        const { status, body } = await cubeGet(url, 'load', query);
        if (status !== 200) {
          failures.push(`${label}: HTTP ${status}: ${JSON.stringify(body.error)}`);
          return;
        }
        for (const name of Object.keys((body.usedPreAggregations as object | undefined) ?? {})) rollups.add(name);
        if (query === TOTALS) totals.push(totalsOf(body));
      } catch (error) {
        failures.push(`${label}: ${String(error)}`);
      }
    }),
  );
  return { totals, rollups };
}

const pause = (maxMs = 600) => new Promise((resolve) => setTimeout(resolve, Math.random() * maxMs));
/** A slow catalog's answer to Cube's list of rollup tables (shorter: each one holds the catalog line). */
const LIST_PAUSE_MS = 200;

/**
 * A busy machine's catalog: every caller of the real createSchemaIfNotExists waits 0–600 ms
 * first, and a rollup build's CREATE TABLE returns 0–600 ms after DuckDB finished it (the
 * window in which another rollup's build, dropping the tables nobody has used yet, could drop
 * this one before its builder registered it: start-server.ts, CUBEJS_DROP_PRE_AGG_WITHOUT_TOUCH),
 * and Cube's read of the rollup tables' list answers 0–200 ms late (the window in which a list
 * read before another rollup's CREATE TABLE finished could overwrite, in Cube's cache, the list
 * its builder wrote: warehouse-driver.ts, `getTablesQuery`).
 */
function slowCatalog(): () => void {
  const createSchema = WarehouseDriver.prototype.createSchemaIfNotExists;
  const query = WarehouseDriver.prototype.query;
  WarehouseDriver.prototype.createSchemaIfNotExists = async function slowed(this: WarehouseDriver, schema: string) {
    await pause();
    return createSchema.call(this, schema);
  };
  WarehouseDriver.prototype.query = async function slowed<R>(this: WarehouseDriver, sql: string, values?: unknown[]): Promise<R[]> {
    const rows = await query.call(this, sql, values);
    if (/^\s*CREATE TABLE/i.test(sql)) await pause();
    if (/information_schema\.tables/i.test(sql)) await pause(LIST_PAUSE_MS);
    return rows as R[];
  };
  return () => {
    WarehouseDriver.prototype.createSchemaIfNotExists = createSchema;
    WarehouseDriver.prototype.query = query;
  };
}

const BEFORE_TOTALS: Totals = { lead_count: FUNNEL_TOTAL.lead_count, mql_count: FUNNEL_TOTAL.mql_count };

describe.each([
  ['as they come', false],
  ['with a slow catalog', true],
])('the first queries on a build with no rollups yet, racing the refresh worker (%s)', (label, slow) => {
  let fixture: Fixture;
  const logged: string[] = [];
  let before: string;
  let after: string;
  let restore = (): void => undefined;
  beforeAll(async () => {
    fixture = await startFixtureServer({ refreshIntervalSeconds: 1, log: (message) => logged.push(message) });
    before = await buildWarehouse(join(fixture.dir, 'before.duckdb'), [FIXTURE_SQL]);
    after = await buildWarehouse(join(fixture.dir, 'after.duckdb'), [FIXTURE_SQL, REBUILD_SQL]);
    // The first request compiles the model; the loop is about the rollups, so compile first.
    expect(totalsOf((await cubeGet(fixture.server.url, 'load', TOTALS)).body)).toEqual(BEFORE_TOTALS);
    if (slow) restore = slowCatalog();
  });
  afterAll(async () => {
    restore();
    await fixture?.close();
  });

  it('every query succeeds, with the new build numbers, across many warehouse switches', { timeout: TEST_TIMEOUT_MS }, async () => {
    const failures: string[] = [];
    const rollups = new Set<string>();
    let stop = false;
    // Clients querying all the while: some of their requests land on the switch itself.
    const background = [0, 1].map(async (offset) => {
      for (let n = offset; !stop; n += 1) {
        const query = ROLLUP_QUERIES[n % ROLLUP_QUERIES.length];
        const { status, body } = await cubeGet(fixture.server.url, 'load', query).catch((error: unknown) => ({ status: 0, body: { error: String(error) } }));
        if (status !== 200) failures.push(`background: HTTP ${status}: ${JSON.stringify(body.error)}`);
      }
    });

    const started = Date.now();
    let switches = 0;
    while (switches < 2 || Date.now() - started < LOOP_BUDGET_MS) {
      const next = switches % 2 === 0 ? after : before;
      const staged = `${fixture.warehousePath}.next`;
      copyFileSync(next, staged);
      renameSync(staged, fixture.warehousePath);
      switches += 1;
      expect(await fixture.server.warehouseGeneration()).toBe(switches + 1);
      const result = await burst(fixture.server.url, failures, `switch ${switches}`);
      for (const name of result.rollups) rollups.add(name);
      for (const totals of result.totals) expect(totals).toEqual(next === after ? AFTER_REBUILD : BEFORE_TOTALS);
    }
    stop = true;
    await Promise.all(background);

    console.log(`pre-aggregation race (${label}): ${switches} switches in ${Date.now() - started} ms, rollups used: ${[...rollups].sort().join(', ')}`);
    expect(failures).toEqual([]);
    expect(logged.filter((m) => m.startsWith('[cube]'))).toEqual([]);
    expect(switches).toBeGreaterThanOrEqual(2);
    // The bursts reached the rollups of both the funnel and the pipeline, not the marts alone.
    expect(rollups.size).toBeGreaterThanOrEqual(6);
  });
});

describe('fresh starts with queries at once, with a slow catalog', () => {
  it('every query of the first burst succeeds, start after start', { timeout: FRESH_START_TIMEOUT_MS }, async () => {
    const dir = tempDir();
    const warehousePath = await buildWarehouse(join(dir, 'warehouse.duckdb'));
    const failures: string[] = [];
    const restore = slowCatalog();
    const started = Date.now();
    let starts = 0;
    try {
      // Compiling the model takes most of a start: as many starts as fit, at least one.
      while (starts === 0 || (starts < 3 && Date.now() - started < LOOP_BUDGET_MS)) {
        starts += 1;
        const logged: string[] = [];
        const server = await startServer({ warehousePath, port: 0, production: false, refreshIntervalSeconds: 1, log: (message) => logged.push(message) });
        try {
          const { totals } = await burst(server.url, failures, `start ${starts}`);
          expect(totals).toHaveLength(2);
          for (const t of totals) expect(t).toEqual(BEFORE_TOTALS);
          failures.push(...logged.filter((m) => m.startsWith('[cube]')).map((m) => `start ${starts}: ${m}`));
        } finally {
          await server.close();
        }
      }
    } finally {
      restore();
      rmSync(dir, { recursive: true, force: true });
    }
    console.log(`pre-aggregation race: ${starts} fresh starts in ${Date.now() - started} ms`);
    expect(failures).toEqual([]);
  });
});

describe('the list of rollup tables Cube caches', () => {
  it('read while a rollup is being built, is read after that build and lists its table', async () => {
    const dir = tempDir();
    const driver = new WarehouseDriver(await buildWarehouse(join(dir, 'warehouse.duckdb')), 1);
    try {
      await driver.createSchemaIfNotExists('pre_aggregations');
      // A build of a few hundred milliseconds; the list is asked for while it runs. Read beside
      // it on another connection, the list missed the table (and Cube cached that list).
      const build = driver.query('CREATE TABLE pre_aggregations.slow_rollup AS SELECT range AS n, range::varchar AS s FROM range(5000000)');
      const listed = await driver.getTablesQuery('pre_aggregations');
      await build;
      expect(listed.map((row) => row.table_name)).toEqual(['slow_rollup']);
    } finally {
      await driver.release();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
