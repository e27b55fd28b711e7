/**
 * The mart column contract (etl/src/mart-contract.ts) against real builds: the built sample
 * warehouse equals it (read back from DuckDB's catalog and counted with plain SQL, not through
 * the build's own data tests), and a build whose mart drifts from it stops with a message that
 * names the mart, the column, what was expected and what was found, leaving the previous
 * warehouse in place.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWarehouse } from '../../etl/src/build';
import { MART_CONTRACT, compareToContract, duckdbType } from '../../etl/src/mart-contract';
import type { FoundColumn } from '../../etl/src/mart-contract';
import { buildModels, type RawDatabase } from '../../etl/src/models/index';
import { REBUILD_SQL, FIXTURE_SQL, buildWarehouse as buildFixture } from '../cube/helpers';

const root = resolve(import.meta.dirname, '../..');
const agreementPath = join(root, 'agreement.yml');
/** Marts the build writes for itself and the ETL report, not read by the Cube model and not published. */
const UNPUBLISHED = ['campaign_performance', 'file_reconciliation'];

async function readDuckdb(path: string, query: string): Promise<unknown[][]> {
  const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll(query)).getRows();
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'closedloop-contract-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the built sample warehouse equals the contract', () => {
  let warehouse: string;
  beforeAll(async () => {
    warehouse = join(work, 'samples.duckdb');
    await buildWarehouse({ inputs: [join(root, 'seeds')], warehousePath: warehouse, agreementPath });
  }, 300_000);

  it('has exactly the contract marts (plus the unpublished ones), each with exactly its columns and types', async () => {
    const rows = await readDuckdb(warehouse, "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'main'");
    const tables = new Map<string, FoundColumn[]>();
    for (const [table, name, type] of rows) tables.set(String(table), [...(tables.get(String(table)) ?? []), { name: String(name), type: String(type) }]);
    expect([...tables.keys()].sort()).toEqual([...MART_CONTRACT.map((m) => m.name), ...UNPUBLISHED].sort());
    for (const mart of MART_CONTRACT) expect(compareToContract(mart, tables.get(mart.name) ?? [], duckdbType), mart.name).toEqual([]);
  });

  it('has no NULL in a column the contract says is never NULL, and NULLs in some that may be (the flags are not all false)', async () => {
    let nullableWithNulls = 0;
    for (const mart of MART_CONTRACT) {
      const counts = mart.columns.map((c) => `count(*) - count("${c.name}")`).join(', ');
      const [nulls = []] = await readDuckdb(warehouse, `SELECT ${counts} FROM main."${mart.name}"`);
      mart.columns.forEach((column, i) => {
        const n = Number(nulls[i]);
        if (!column.nullable) expect(n, `${mart.name}.${column.name}`).toBe(0);
        else if (n > 0) nullableWithNulls += 1;
      });
    }
    expect(nullableWithNulls).toBeGreaterThan(20);
  });
});

describe.each([
  { fixture: 'warehouse.sql', files: [FIXTURE_SQL] },
  { fixture: 'warehouse.sql + rebuild.sql', files: [FIXTURE_SQL, REBUILD_SQL] },
])('the hand-counted fixture $fixture (the Cube tests\' warehouse)', ({ files }) => {
  it('has the contract\'s columns and types, and no NULL where the contract says never NULL', async () => {
    const path = await buildFixture(join(work, `fixture-${files.length}.duckdb`), files);
    const rows = await readDuckdb(path, "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'main'");
    for (const mart of MART_CONTRACT) {
      const found = rows.filter(([table]) => table === mart.name).map(([, name, type]) => ({ name: String(name), type: String(type) }));
      expect(compareToContract(mart, found, duckdbType), mart.name).toEqual([]);
      const required = mart.columns.filter((c) => !c.nullable);
      const [nulls = []] = await readDuckdb(path, `SELECT ${required.map((c) => `count(*) - count("${c.name}")`).join(', ')} FROM main."${mart.name}"`);
      required.forEach((column, i) => expect(Number(nulls[i]), `${mart.name}.${column.name}`).toBe(0));
    }
  });
});

describe('a mart that drifts from the contract stops the build', () => {
  const cases = [
    {
      change: 'a column retyped',
      alter: 'ALTER TABLE leads ALTER won_amount TYPE VARCHAR',
      message: /contract\(columns\) on leads: 1 failing row\n.*"mart":"leads","column":"won_amount","expected":"DOUBLE","found":"VARCHAR"/,
    },
    {
      change: 'a column missing',
      alter: 'ALTER TABLE opportunities DROP COLUMN age_days',
      message: /contract\(columns\) on opportunities: 1 failing row\n.*"column":"age_days","expected":"DOUBLE","found":"\(missing\)"/,
    },
    {
      change: 'a column the contract does not have',
      alter: 'ALTER TABLE spend ADD COLUMN note VARCHAR',
      message: /contract\(columns\) on spend: 1 failing row\n.*"column":"note","expected":"\(no such column in the contract\)","found":"VARCHAR"/,
    },
    {
      change: 'the stage ENUM out of funnel order',
      alter: "ALTER TABLE stage_events ALTER stage TYPE ENUM('mql', 'lead', 'handoff', 'sal', 'rejected', 'sql', 'won', 'lost')",
      message: /contract\(columns\) on stage_events: 1 failing row\n.*"column":"stage","expected":"ENUM\('lead', 'mql', .*"found":"ENUM\('mql', 'lead'/,
    },
    {
      change: 'a NULL where the contract says never NULL',
      alter: "UPDATE leads SET channel = NULL WHERE lead_id = (SELECT min(lead_id) FROM leads)",
      message: /not_null\(contract\) on leads: 1 failing row\n.*"mart":"leads","column":"channel","null_rows":1/,
    },
  ];

  it.each(cases)('$change', async ({ alter, message }) => {
    const warehouse = join(work, `drift-${cases.findIndex((c) => c.alter === alter)}.duckdb`);
    const build = (change?: string) =>
      buildWarehouse({
        inputs: [join(root, 'seeds', 'hubspot')],
        warehousePath: warehouse,
        agreementPath,
        steps: {
          buildModels: async (db, ctx) => {
            await buildModels(db, ctx);
            if (change) await sql.raw(change).execute(db as unknown as Kysely<RawDatabase>);
          },
        },
      });
    await build();
    const before = await readFile(warehouse);
    await expect(build(alter)).rejects.toThrow(message);
    expect((await readFile(warehouse)).equals(before), 'the previous warehouse is left in place').toBe(true);
    expect(existsSync(warehouse)).toBe(true);
  }, 120_000);
});
