/**
 * `npm run serve -- --workers 2` over Postgres: two API processes on one port and one refresh
 * worker; the rollups are built once, in Postgres, and every API process answers from them.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../bench/lib/serve-child';
import { buildWarehouse } from '../../etl/src/build';
import { publishToPostgres } from '../../etl/src/publish/publish-to-postgres';
import { alive, clusterChildren, cubeGet } from '../cube/helpers';
import { createTestDatabase, postgresUnavailable, stopCluster } from './postgres';
import type { TestDatabase } from './postgres';

const root = resolve(import.meta.dirname, '../..');
const skip = postgresUnavailable();
if (skip) console.warn(`test/postgres/cluster.test.ts: ${skip}.`);

const ROLLUP_QUERY = { measures: ['funnel.mql_count', 'funnel.acceptance_rate'], timeDimensions: [{ dimension: 'funnel.mql_date', granularity: 'month' }] };

describe.skipIf(Boolean(skip))('a Cube cluster over Postgres', () => {
  let work: string;
  let database: TestDatabase;
  let primary: ReturnType<typeof spawn>;
  let url: string;
  let output = '';

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'closedloop-cluster-'));
    const warehouse = join(work, 'warehouse.duckdb');
    await buildWarehouse({ inputs: [join(root, 'seeds')], warehousePath: warehouse, agreementPath: join(root, 'agreement.yml') });
    database = await createTestDatabase();
    await publishToPostgres({ warehousePath: warehouse, url: database.url });
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    primary = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/cli.ts'), '--workers', '2', '--no-web', '--port', String(port)], {
      cwd: root, env: { ...process.env, ...database.cubeEnv }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    primary.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    primary.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    const deadline = Date.now() + 240_000;
    while ((output.match(/Cube API process/g) ?? []).length < 2 || !output.includes('refresh worker')) {
      if (primary.exitCode !== null) throw new Error(`cluster exited with ${primary.exitCode}:\n${output}`);
      if (Date.now() > deadline) throw new Error(`cluster did not start within 240 s:\n${output}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }, 600_000);

  afterAll(async () => {
    if (primary && primary.exitCode === null) {
      const exited = new Promise((r) => primary.once('exit', r));
      primary.kill('SIGTERM');
      await exited;
    }
    await database?.drop();
    // The cluster this file started (vitest ends a file's process without its exit handlers).
    stopCluster();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('runs two API processes and one refresh worker under one primary', () => {
    const roles = clusterChildren(primary.pid!).map((c) => c.role).sort();
    expect(roles).toEqual(['api', 'api', 'refresh']);
  });

  it('every API process answers from the same rollup tables in Postgres, built once', async () => {
    // Until the rollup exists Cube answers "Continue wait", which cubeGet waits out: no query fails.
    const first = await cubeGet(url, 'load', ROLLUP_QUERY);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const answers = await Promise.all(Array.from({ length: 12 }, () => cubeGet(url, 'load', ROLLUP_QUERY)));
    for (const answer of answers) {
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      expect(answer.body.data).toEqual(first.body.data);
      expect(Object.keys(answer.body.usedPreAggregations as object)).toEqual(['pre_aggregations.leads_funnel_by_mql_month']);
    }
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const tables = await client.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'pre_aggregations' AND table_name LIKE 'leads_funnel_by_mql_month%'");
    await client.end();
    expect(tables.rows.length).toBeGreaterThanOrEqual(1);
  });

  it('stops every process on SIGTERM', async () => {
    const pids = clusterChildren(primary.pid!).map((c) => c.pid);
    expect(pids).toHaveLength(3);
    const exited = new Promise((r) => primary.once('exit', r));
    primary.kill('SIGTERM');
    await exited;
    await new Promise((r) => setTimeout(r, 500));
    expect(pids.filter(alive)).toEqual([]);
  });
});
