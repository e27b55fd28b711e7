import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { builtFromSamples, warehouseStamp } from './freshness';

const dir = mkdtempSync(join(tmpdir(), 'closedloop-freshness-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function database(name: string, sql: string): Promise<string> {
  const path = join(dir, name);
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  await connection.run(sql);
  connection.closeSync();
  instance.closeSync();
  return path;
}

describe('warehouseStamp', () => {
  it.each([
    {
      name: 'current',
      sql: `CREATE TABLE build_info (built_at TIMESTAMP, inputs VARCHAR, schema_version INTEGER); INSERT INTO build_info VALUES (now(), '["/x/seeds/hubspot/a.csv"]', 2)`,
      expected: { schemaVersion: 2, inputs: ['/x/seeds/hubspot/a.csv'] },
    },
    {
      name: 'before versions',
      sql: `CREATE TABLE build_info (built_at TIMESTAMP, inputs VARCHAR); INSERT INTO build_info VALUES (now(), '[]')`,
      expected: { schemaVersion: 1, inputs: [] },
    },
    { name: 'not a warehouse', sql: 'CREATE TABLE notes (text VARCHAR)', expected: null },
  ])('$name', async ({ name, sql, expected }) => {
    expect(await warehouseStamp(await database(`${name}.duckdb`, sql))).toEqual(expected);
  });

  it('a file that is not a database → null', async () => {
    const path = join(dir, 'text.duckdb');
    writeFileSync(path, 'hello');
    expect(await warehouseStamp(path)).toBeNull();
  });
});

describe('builtFromSamples', () => {
  it.each([
    { inputs: ['/a/closedloop/seeds/salesforce-marketo/Lead.csv', '/a/closedloop/seeds/hubspot/hubspot-deals.csv'], expected: true },
    { inputs: ['C:\\work\\closedloop\\seeds\\hubspot\\hubspot-contacts.csv'], expected: true },
    { inputs: ['/a/closedloop/seeds/hubspot/x.csv', '/home/me/exports/Lead.csv'], expected: false },
    { inputs: ['/home/me/seeds/other/Lead.csv'], expected: false },
    { inputs: [], expected: false },
    // Relative paths, as `npm run etl -- --input seeds/hubspot` records them (npm runs at the project root).
    { inputs: ['seeds/salesforce-marketo/Lead.csv', 'seeds/hubspot/hubspot-deals.csv'], expected: true },
    { inputs: ['./seeds/hubspot/hubspot-contacts.csv'], expected: true },
    { inputs: ['seeds/hubspot/hubspot-contacts.csv', 'exports/Lead.csv'], expected: false },
    { inputs: ['exports/seeds-copy/Lead.csv'], expected: false },
  ])('$inputs → $expected', ({ inputs, expected }) => {
    expect(builtFromSamples({ schemaVersion: 2, inputs }, '/work/closedloop')).toBe(expected);
  });
});
