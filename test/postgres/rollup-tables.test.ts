/**
 * The rollup tables of a cluster over Postgres, through Cube's Postgres driver as the server
 * makes it (one per process): two processes building the same rollup version at once both
 * succeed with one table, a process's list of rollup tables read during its build lists the
 * build's table, and a table built moments ago is never dropped under a process that may be
 * reading it.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLLUP_TABLE_KEEP_MS, postgresDriver, rollupBuiltAt } from '../../server/src/warehouse/postgres-warehouse';
import { createTestDatabase, postgresUnavailable, stopCluster } from './postgres';
import type { TestDatabase } from './postgres';

const skip = postgresUnavailable();
if (skip) console.warn(`test/postgres/rollup-tables.test.ts: ${skip}.`);

/** A version's name as Cube writes it: `<rollup>_<content>_<structure>_<build second in base 32>`. */
function versionName(rollup: string, builtAtMs: number): string {
  return `pre_aggregations.${rollup}_wcf1lmfb_2kqs1gwf_${Math.floor(builtAtMs / 1000).toString(32)}`;
}

describe('rollupBuiltAt', () => {
  it.each([
    { name: 'pre_aggregations.leads_funnel_by_mql_month_wcf1lmfb_2kqs1gwf_1lh49k6', expected: Date.UTC(2026, 11, 4, 2, 33, 42) },
    { name: 'leads_by_created_day_a1b2_zz0_1lh49k6', expected: Date.UTC(2026, 11, 4, 2, 33, 42) },
    { name: 'pre_aggregations.leads_funnel_by_mql_month', expected: undefined },
    { name: 'closedloop.leads', expected: undefined },
  ])('$name', ({ name, expected }) => {
    expect(rollupBuiltAt(name)).toBe(expected);
  });
});

describe.skipIf(Boolean(skip))('rollup tables in Postgres', () => {
  let database: TestDatabase;
  let client: pg.Client;
  // One driver per process, as the server makes them.
  const driver = () => postgresDriver({ host: database.host, port: database.port, database: database.database, user: database.user, password: new URL(database.url).password || undefined }, {});

  beforeAll(async () => {
    database = await createTestDatabase();
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query('CREATE SCHEMA pre_aggregations');
  }, 60_000);

  afterAll(async () => {
    await client?.end();
    await database?.drop();
    stopCluster();
  });

  const tableCount = async (table: string): Promise<number> => {
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM information_schema.tables WHERE table_schema || \'.\' || table_name = $1', [table]);
    return Number(rows[0]?.n);
  };

  it('builds one table when two processes build the same version at once', async () => {
    const table = versionName('race', Date.now());
    const [a, b] = [driver(), driver()];
    // Slow enough that both CREATE TABLEs are in flight together (before the lock, the second failed).
    const load = `CREATE TABLE ${table} AS SELECT x FROM generate_series(1, 3) AS x, pg_sleep(0.5)`;
    await Promise.all([a.loadPreAggregationIntoTable(table, load, [], {}), b.loadPreAggregationIntoTable(table, load, [], {})]);
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
    expect(Number(rows[0]?.n)).toBe(3);
    await Promise.all([a.release(), b.release()]);
  });

  it('lists a rollup table being built when the list is asked for during its build', async () => {
    const table = versionName('listed', Date.now());
    const a = driver();
    const build = a.loadPreAggregationIntoTable(table, `CREATE TABLE ${table} AS SELECT x FROM generate_series(1, 3) AS x, pg_sleep(0.5)`, [], {});
    // Read beside the build, the list missed its table, and Cube cached that list (catalog-line.ts).
    await new Promise((resolve) => setTimeout(resolve, 100));
    const listed = (await a.getTablesQuery('pre_aggregations')) as { table_name: string }[];
    await build;
    expect(listed.map((row) => `pre_aggregations.${row.table_name}`)).toContain(table);
    await a.release();
  });

  it('fails a build whose SQL fails, and leaves no table', async () => {
    const table = versionName('broken', Date.now());
    const a = driver();
    await expect(a.loadPreAggregationIntoTable(table, `CREATE TABLE ${table} AS SELECT 1 / 0 AS x`, [], {})).rejects.toThrow(/division by zero/);
    expect(await tableCount(table)).toBe(0);
    await a.release();
  });

  it.each([
    { age: 'built a second ago', ageMs: 1000, kept: true },
    { age: 'built just inside the keeping time', ageMs: ROLLUP_TABLE_KEEP_MS - 60_000, kept: true },
    { age: 'built before the keeping time', ageMs: ROLLUP_TABLE_KEEP_MS + 60_000, kept: false },
  ])('drops a rollup table $age: $kept kept', async ({ ageMs, kept }) => {
    const table = versionName(`age_${ageMs}`, Date.now() - ageMs);
    await client.query(`CREATE TABLE ${table} AS SELECT 1 AS x`);
    const a = driver();
    await a.dropTable(table);
    expect(await tableCount(table)).toBe(kept ? 1 : 0);
    await a.release();
  });

  it('drops a table whose name carries no build time', async () => {
    await client.query('CREATE TABLE pre_aggregations.scratch AS SELECT 1 AS x');
    const a = driver();
    await a.dropTable('pre_aggregations.scratch');
    expect(await tableCount('pre_aggregations.scratch')).toBe(0);
    await a.release();
  });
});
