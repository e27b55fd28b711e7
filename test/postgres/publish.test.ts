/**
 * `npm run publish` against a real Postgres: what arrives is what the DuckDB file holds
 * (counted there with plain SQL), ENUMs keep their order, and a publish that fails (a data
 * test, an older warehouse) leaves the previous build serving.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWarehouse } from '../../etl/src/build';
import { MART_CONTRACT, MART_TABLES } from '../../etl/src/mart-contract';
import type { LogicalType } from '../../etl/src/mart-contract';
import { publishToPostgres } from '../../etl/src/publish/publish-to-postgres';
import { checkPostgresWarehouse } from '../../server/src/warehouse/postgres-warehouse';
import { buildWarehouse as buildFixture } from '../cube/helpers';
import { createTestDatabase, postgresUnavailable, stopCluster } from './postgres';
import type { TestDatabase } from './postgres';

const root = resolve(import.meta.dirname, '../..');
const skip = postgresUnavailable();
if (skip) console.warn(`test/postgres/publish.test.ts: ${skip}.`);

async function duckdbScalar(path: string, sql: string): Promise<unknown> {
  const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll(sql)).getRows()[0]?.[0];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** How Postgres's information_schema spells each logical type (written out here, not taken from the code under test). */
function informationSchemaType(type: LogicalType): string {
  const spelled: Record<string, string> = {
    text: 'text', category: 'text', double: 'double precision', timestamp_utc: 'timestamp without time zone', date: 'date', boolean: 'boolean',
  };
  if (type.kind === 'enum') return type.name;
  if (type.kind === 'integer') return type.bits === 32 ? 'integer' : 'bigint';
  if (type.kind === 'decimal') return `numeric(${type.precision},${type.scale})`;
  return spelled[type.kind] ?? `(unexpected kind ${type.kind})`;
}

describe.skipIf(Boolean(skip))('npm run publish', () => {
  let work: string;
  let warehouse: string;
  let database: TestDatabase;
  let client: pg.Client;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'closedloop-publish-'));
    warehouse = join(work, 'warehouse.duckdb');
    await buildWarehouse({ inputs: [join(root, 'seeds')], warehousePath: warehouse, agreementPath: join(root, 'agreement.yml') });
    database = await createTestDatabase();
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
  }, 300_000);

  afterAll(async () => {
    await client?.end();
    await database?.drop();
    // The cluster this file started (vitest ends a file's process without its exit handlers).
    stopCluster();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('copies every mart row for row, counted in the DuckDB file', async () => {
    const result = await publishToPostgres({ warehousePath: warehouse, url: database.url });
    expect(result.replacedPrevious).toBe(false);
    for (const table of MART_TABLES) {
      const expected = Number(await duckdbScalar(warehouse, `SELECT count(*) FROM ${table}`));
      const counted = await client.query<{ n: string }>(`SELECT count(*) AS n FROM closedloop.${table}`);
      expect(Number(counted.rows[0]?.n), table).toBe(expected);
    }
    const sums = await client.query<{ won: string; hours: string }>('SELECT sum(won_amount) AS won, sum(hours_to_first_touch) AS hours FROM closedloop.leads');
    expect(Number(sums.rows[0]?.won)).toBe(Number(await duckdbScalar(warehouse, 'SELECT sum(won_amount) FROM leads')));
    expect(Number(sums.rows[0]?.hours)).toBeCloseTo(Number(await duckdbScalar(warehouse, 'SELECT sum(hours_to_first_touch) FROM leads')), 6);
  });

  it('creates exactly the contract\'s columns: Postgres types, NOT NULL, ENUM labels in order (read from information_schema)', async () => {
    const columns = await client.query<{ table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: string; numeric_precision: number | null; numeric_scale: number | null }>(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable, numeric_precision, numeric_scale FROM information_schema.columns
        WHERE table_schema = 'closedloop' ORDER BY table_name, ordinal_position`,
    );
    const found = columns.rows.map((r) => ({
      table: r.table_name,
      column: r.column_name,
      type: r.data_type === 'USER-DEFINED' ? r.udt_name : r.data_type === 'numeric' ? `numeric(${r.numeric_precision},${r.numeric_scale})` : r.data_type,
      nullable: r.is_nullable === 'YES',
    }));
    const expected = MART_CONTRACT.flatMap((mart) =>
      mart.columns.map((c) => ({ table: mart.name, column: c.name, type: informationSchemaType(c.type), nullable: c.nullable })),
    ).sort((a, b) => a.table.localeCompare(b.table));
    expect(found).toEqual(expected);
    expect(found.filter((c) => !c.nullable).length).toBeGreaterThan(50);
    const labels = await client.query<{ typname: string; labels: string[] }>(
      `SELECT t.typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels FROM pg_type t
         JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid WHERE n.nspname = 'closedloop' GROUP BY t.typname`,
    );
    expect(labels.rows).toEqual([{ typname: 'funnel_stage', labels: ['lead', 'mql', 'handoff', 'sal', 'rejected', 'sql', 'won', 'lost'] }]);
  });

  it('the server\'s start-up check accepts the published schema and names a column that drifted from the contract', async () => {
    const url = new URL(database.url);
    const connection = { host: url.hostname, port: Number(url.port || 5432), database: database.database, user: database.user, password: url.password ? decodeURIComponent(url.password) : undefined };
    await expect(checkPostgresWarehouse({ ...connection, schema: 'closedloop' }, {})).resolves.toBeUndefined();
    await publishToPostgres({ warehousePath: warehouse, url: database.url, schema: 'drifted' });
    await client.query('ALTER TABLE drifted.leads ALTER won_amount TYPE text');
    await client.query('ALTER TABLE drifted.stage_events ALTER stage DROP NOT NULL');
    await client.query('ALTER TABLE drifted.spend DROP COLUMN line');
    const check = checkPostgresWarehouse({ ...connection, schema: 'drifted' }, {});
    await expect(check).rejects.toThrow(/do not match the column contract/);
    await expect(check).rejects.toThrow(/leads\.won_amount: expected double precision, found text/);
    await expect(check).rejects.toThrow(/stage_events\.stage: expected funnel_stage NOT NULL, found funnel_stage \(nullable\)/);
    await expect(check).rejects.toThrow(/spend\.line: expected bigint, found \(missing\)\n.*npm run etl\), then npm run publish/);
    await client.query('DROP SCHEMA drifted CASCADE');
  });

  it('refuses a warehouse file whose marts drift from the contract, naming mart, column, expected and found', async () => {
    const drifted = join(work, 'drifted.duckdb');
    copyFileSync(warehouse, drifted);
    const instance = await DuckDBInstance.create(drifted);
    const connection = await instance.connect();
    await connection.run('ALTER TABLE leads ALTER won_amount TYPE VARCHAR');
    connection.closeSync();
    instance.closeSync();
    const before = await client.query<{ n: string }>('SELECT count(*) AS n FROM closedloop.leads');
    await expect(publishToPostgres({ warehousePath: drifted, url: database.url })).rejects.toThrow(
      /does not match the mart contract .*nothing was published:\n {2}leads\.won_amount: expected DOUBLE, found VARCHAR\nRebuild/,
    );
    const after = await client.query<{ n: string }>('SELECT count(*) AS n FROM closedloop.leads');
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
  });

  it('keeps the stage ENUM in funnel order: both sort stages the same way', async () => {
    const duckdbOrder = String(await duckdbScalar(warehouse, "SELECT string_agg(stage, ',' ORDER BY stage) FROM (SELECT DISTINCT stage FROM stage_events)"));
    const pgOrder = await client.query<{ stage: string }>('SELECT DISTINCT stage FROM closedloop.stage_events ORDER BY stage');
    expect(pgOrder.rows.map((r) => r.stage).join(',')).toBe(duckdbOrder);
    expect(duckdbOrder.startsWith('lead,mql')).toBe(true);
  });

  it('a publish whose data tests fail leaves the previous build serving', async () => {
    const before = await client.query<{ n: string }>('SELECT count(*) AS n FROM closedloop.leads');
    const fixture = await buildFixture(join(work, 'fixture.duckdb'));
    // The hand-made fixture has an SLA status on an inferred MQL, which the data tests forbid.
    await expect(publishToPostgres({ warehousePath: fixture, url: database.url })).rejects.toThrow(/Data tests failed on the Postgres copy, nothing was published:\n.*sla_status set exactly/);
    const after = await client.query<{ n: string }>('SELECT count(*) AS n FROM closedloop.leads');
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
    const schemas = await client.query<{ nspname: string }>("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'closedloop%'");
    expect(schemas.rows.map((r) => r.nspname)).toEqual(['closedloop']);
  });

  it('refuses a warehouse built by an older ETL, saying to rebuild it', async () => {
    const old = join(work, 'old.duckdb');
    copyFileSync(warehouse, old);
    const instance = await DuckDBInstance.create(old);
    const connection = await instance.connect();
    await connection.run('UPDATE build_info SET schema_version = 1');
    connection.closeSync();
    instance.closeSync();
    await expect(publishToPostgres({ warehousePath: old, url: database.url })).rejects.toThrow(/schema version 1; .* Rebuild it with `npm run etl`/);
  });

  it('says how to connect when the database cannot be reached', async () => {
    const url = new URL(database.url);
    url.pathname = '/no_such_database';
    await expect(publishToPostgres({ warehousePath: warehouse, url: url.href })).rejects.toThrow(/Cannot connect to .*no_such_database.*PGPASSWORD/);
  });

  it('publishing again replaces the build in place', async () => {
    const result = await publishToPostgres({ warehousePath: warehouse, url: database.url });
    expect(result.replacedPrevious).toBe(true);
    const schemas = await client.query<{ nspname: string }>("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'closedloop%'");
    expect(schemas.rows.map((r) => r.nspname)).toEqual(['closedloop']);
  });
});
