import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { warehouseSchemaVersion } from './freshness';

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

describe('warehouseSchemaVersion', () => {
  it.each([
    { name: 'current', sql: 'CREATE TABLE build_info (built_at TIMESTAMP, schema_version INTEGER); INSERT INTO build_info VALUES (now(), 2)', expected: 2 },
    { name: 'before versions', sql: 'CREATE TABLE build_info (built_at TIMESTAMP); INSERT INTO build_info VALUES (now())', expected: 1 },
    { name: 'not a warehouse', sql: 'CREATE TABLE notes (text VARCHAR)', expected: null },
  ])('$name → $expected', async ({ name, sql, expected }) => {
    expect(await warehouseSchemaVersion(await database(`${name}.duckdb`, sql))).toBe(expected);
  });

  it('a file that is not a database → null', async () => {
    const path = join(dir, 'text.duckdb');
    writeFileSync(path, 'hello');
    expect(await warehouseSchemaVersion(path)).toBeNull();
  });
});
