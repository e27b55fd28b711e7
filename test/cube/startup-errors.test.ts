import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MART_TABLES } from '../../etl/src/mart-tables';
import { WAREHOUSE_SCHEMA_VERSION } from '../../etl/src/schema-version';
import { startServer } from '../../server/src/start-server';
import { FIXTURE_DIR, FIXTURE_SQL, buildWarehouse, startFixtureServer, tempDir } from './helpers';
import type { Fixture } from './helpers';

const root = resolve(FIXTURE_DIR, '../../..');
const tsx = join(root, 'node_modules/.bin/tsx');
let dir: string;
let warehouse: string;

beforeAll(async () => {
  dir = tempDir();
  warehouse = await buildWarehouse(join(dir, 'warehouse.duckdb'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const quiet = { log: () => undefined };

describe('first-run mistakes give clear errors', () => {
  it('missing warehouse', async () => {
    await expect(startServer({ ...quiet, warehousePath: join(dir, 'nope.duckdb'), port: 0 })).rejects.toThrow(
      /Warehouse file not found: .*nope\.duckdb\. Build it first with `npm run etl`/,
    );
  });

  it('a file that is not a DuckDB database', async () => {
    const path = join(dir, 'notes.duckdb');
    writeFileSync(path, 'just some text\n');
    await expect(startServer({ ...quiet, warehousePath: path, port: 0 })).rejects.toThrow(/cannot be served: it is not a readable DuckDB database/);
  });

  it('a DuckDB file without the marts', async () => {
    const path = join(dir, 'empty.duckdb');
    writeFileSync(join(dir, 'empty.sql'), 'CREATE TABLE leads (lead_id VARCHAR);');
    await buildWarehouse(path, [join(dir, 'empty.sql')]);
    await expect(startServer({ ...quiet, warehousePath: path, port: 0 })).rejects.toThrow(
      `it has no ${MART_TABLES.filter((table) => table !== 'leads').join(', ')} tables`,
    );
  });

  // A warehouse from an older ETL lacks columns the model reads: say so once, not per query.
  const versions = [
    { name: 'built before schema versions existed', sql: 'ALTER TABLE build_info DROP COLUMN schema_version;', message: new RegExp(`built by an older Closedloop ETL \\(warehouse schema 1; this server reads schema ${WAREHOUSE_SCHEMA_VERSION}\\)\\. Rebuild it from your exports: npm run etl`) },
    { name: 'built by a newer ETL', sql: 'UPDATE build_info SET schema_version = 99;', message: new RegExp(`built by a newer Closedloop ETL \\(warehouse schema 99; this server reads schema ${WAREHOUSE_SCHEMA_VERSION}\\)`) },
  ];
  for (const v of versions) {
    it(`a warehouse ${v.name}`, async () => {
      const path = join(dir, `schema-${versions.indexOf(v)}.duckdb`);
      writeFileSync(join(dir, 'schema.sql'), v.sql);
      await buildWarehouse(path, [FIXTURE_SQL, join(dir, 'schema.sql')]);
      await expect(startServer({ ...quiet, warehousePath: path, port: 0 })).rejects.toThrow(v.message);
    });
  }

  it('production without CUBEJS_API_SECRET', async () => {
    const saved = process.env.CUBEJS_API_SECRET;
    delete process.env.CUBEJS_API_SECRET;
    try {
      await expect(startServer({ ...quiet, warehousePath: warehouse, port: 0, production: true })).rejects.toThrow(/CUBEJS_API_SECRET is not set/);
    } finally {
      if (saved !== undefined) process.env.CUBEJS_API_SECRET = saved;
    }
  });

  describe('port in use', () => {
    let running: Fixture;
    beforeAll(async () => {
      running = await startFixtureServer();
    });
    afterAll(async () => {
      await running?.close();
    });
    it('says so and how to pick another', async () => {
      await expect(startServer({ ...quiet, warehousePath: warehouse, port: running.server.port })).rejects.toThrow(
        `Port ${running.server.port} is already in use. Stop the other server (often an earlier npm start), or choose another port: PORT=<N> npm start, or npm run serve -- --port <N>.`,
      );
    });
  });

  describe('warehouse locked by a writer', () => {
    let writer: ChildProcess;
    beforeAll(async () => {
      // Another process holds the warehouse open read-write (e.g. a DuckDB session).
      writer = spawn(process.execPath, ['-e', `
        const { DuckDBInstance } = require('@duckdb/node-api');
        DuckDBInstance.create(${JSON.stringify(warehouse)}).then(() => { console.log('locked'); setInterval(() => {}, 1000); });
      `], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((done) => writer.stdout?.once('data', () => done()));
    });
    afterAll(() => {
      writer?.kill();
    });
    it('names the lock and what to do', async () => {
      await expect(startServer({ ...quiet, warehousePath: warehouse, port: 0 })).rejects.toThrow(
        /is locked by another process that opened it for writing .*Close that DuckDB session/,
      );
    });
  });

  it('the CLI prints the message only and sets a failing exit code, before it builds the dashboard', () => {
    const result = spawnSync(tsx, ['server/cli.ts', '--warehouse', join(dir, 'nope.duckdb')], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stdout).not.toContain('Building the dashboard');
    expect(result.stderr.trim()).toMatch(/^Warehouse file not found: .*nope\.duckdb\./);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
