/**
 * Shared set-up for the Cube integration tests: the hand-counted fixture warehouse built into
 * a temp folder with real DuckDB, a real server on a free port, and plain HTTP helpers.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { expect } from 'vitest';
import { MART_CONTRACT } from '../../etl/src/mart-contract';
import { startServer } from '../../server/src/start-server';
import type { RunningServer, StartServerOptions } from '../../server/src/start-server';

export const FIXTURE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/warehouse');
export const FIXTURE_SQL = join(FIXTURE_DIR, 'warehouse.sql');
export const REBUILD_SQL = join(FIXTURE_DIR, 'rebuild.sql');

export function tempDir(prefix = 'closedloop-cube-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Builds a DuckDB file from SQL scripts, the way the ETL would: a new file, closed when done. */
export async function buildWarehouse(path: string, sqlFiles: readonly string[] = [FIXTURE_SQL]): Promise<string> {
  rmSync(path, { force: true });
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  try {
    for (const file of sqlFiles) await connection.run(readFileSync(file, 'utf8'));
    await storeCategoriesAsEnums(connection);
    await connection.run('CHECKPOINT');
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return path;
}

/**
 * The fixture's SQL writes every text column as VARCHAR; the build stores the contract's
 * `category` columns as ENUMs of their values, sorted (etl/src/models/model.ts,
 * `Model.categories`). Converted here the same way, so the Cube tests read what a build writes.
 */
async function storeCategoriesAsEnums(connection: DuckDBConnection): Promise<void> {
  const existing = new Set(
    (await connection.runAndReadAll("SELECT table_name || '.' || column_name FROM information_schema.columns WHERE table_schema = 'main' AND data_type = 'VARCHAR'"))
      .getRows()
      .map(([name]) => String(name)),
  );
  const quote = (value: string): string => `'${value.replaceAll("'", "''")}'`;
  for (const mart of MART_CONTRACT) {
    for (const column of mart.columns) {
      if (column.type.kind !== 'category' || !existing.has(`${mart.name}.${column.name}`)) continue;
      const values = (await connection.runAndReadAll(`SELECT DISTINCT "${column.name}" FROM main."${mart.name}" WHERE "${column.name}" IS NOT NULL ORDER BY 1`))
        .getRows()
        .map(([value]) => quote(String(value)));
      await connection.run(`ALTER TABLE main."${mart.name}" ALTER COLUMN "${column.name}" SET DATA TYPE ENUM(${values.length > 0 ? values.join(', ') : "''"})`);
    }
  }
}

/** Builds the next warehouse next to `path` and renames it over `path` (the ETL's atomic switch). */
export async function rebuildInPlace(path: string, sqlFiles: readonly string[]): Promise<void> {
  const next = `${path}.next`;
  await buildWarehouse(next, sqlFiles);
  renameSync(next, path);
}

export interface Fixture {
  readonly server: RunningServer;
  readonly dir: string;
  readonly warehousePath: string;
  close(): Promise<void>;
}

export async function startFixtureServer(options: Partial<StartServerOptions> = {}): Promise<Fixture> {
  const dir = tempDir();
  const warehousePath = await buildWarehouse(join(dir, 'warehouse.duckdb'));
  const server = await startServer({ warehousePath, port: 0, production: false, log: () => undefined, ...options });
  return {
    server,
    dir,
    warehousePath,
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface HttpResult {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

export type Row = Readonly<Record<string, string | number | boolean | null>>;

/** GET /load (or another endpoint), retrying while Cube answers "Continue wait". */
export async function cubeGet(baseUrl: string, endpoint: string, query: unknown, token?: string): Promise<HttpResult> {
  const url = `${baseUrl}/cubejs-api/v1/${endpoint}?query=${encodeURIComponent(JSON.stringify(query))}`;
  const headers: Record<string, string> = token ? { Authorization: token } : {};
  for (let attempt = 0; attempt < 60; attempt += 1) {
    const response = await fetch(url, { headers });
    const body = (await response.json()) as Record<string, unknown>;
    if (body.error !== 'Continue wait') return { status: response.status, body };
  }
  throw new Error(`Cube kept answering "Continue wait" for ${JSON.stringify(query)}`);
}

/** Loads a query and returns its rows; fails with Cube's error if the status is not 200. */
export async function loadRows(baseUrl: string, query: unknown, token?: string): Promise<Row[]> {
  const { status, body } = await cubeGet(baseUrl, 'load', query, token);
  if (status !== 200) throw new Error(`HTTP ${status}: ${JSON.stringify(body)}`);
  return body.data as Row[];
}

/** A Cube value (numbers come back as strings) as a number, or null. */
export function num(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/** A measure's value within 1e-9 of `want`: toBeCloseTo alone passes null for 0 (it subtracts), so a value first. */
export function expectCloseTo(actual: number | null, want: number, label: string): void {
  expect(actual, label).not.toBeNull();
  expect(actual, label).toBeCloseTo(want, 9);
}

/** The primary's cluster processes (not tsx's esbuild helper), with their role and refresh setting. */
export function clusterChildren(primaryPid: number): { pid: number; role: string; refresh: string }[] {
  const pids = execFileSync('pgrep', ['-P', String(primaryPid)], { encoding: 'utf8' }).trim().split('\n').map(Number);
  return pids.flatMap((pid) => {
    let environ: string;
    try {
      environ = readFileSync(`/proc/${pid}/environ`, 'utf8');
    } catch {
      return []; // it has just exited
    }
    const role = /CLOSEDLOOP_CLUSTER_ROLE=(\w+)/.exec(environ)?.[1];
    return role ? [{ pid, role, refresh: /CUBEJS_REFRESH_WORKER=(\w+)/.exec(environ)?.[1] ?? '' }] : [];
  });
}

/** Whether a process with this pid still exists. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
