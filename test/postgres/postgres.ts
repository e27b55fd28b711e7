/**
 * A real Postgres for the tests. CI (`.ci/run`) starts a throwaway cluster and exports
 * CLOSEDLOOP_TEST_POSTGRES_URL with CLOSEDLOOP_REQUIRE_POSTGRES=1; a developer's run starts its
 * own throwaway cluster with scripts/throwaway-postgres.sh when Postgres's server binaries are
 * installed, and skips (saying why) only when they are not. Each test file gets its own database.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const SCRIPT = resolve(import.meta.dirname, '../../scripts/throwaway-postgres.sh');

export interface TestDatabase {
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly user: string;
  /** Cube's connection variables for `npm run serve` over this database. */
  readonly cubeEnv: Record<string, string>;
  drop(): Promise<void>;
}

function hasServerBinaries(): boolean {
  try {
    execFileSync('sh', ['-c', 'command -v pg_ctl'], { stdio: 'ignore' });
    return true;
  } catch {
    return existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/pg_ctl`));
  }
}

/** Why Postgres tests cannot run here, or undefined when they can. CI never skips. */
export function postgresUnavailable(): string | undefined {
  if (process.env.CLOSEDLOOP_TEST_POSTGRES_URL) return undefined;
  if (hasServerBinaries()) return undefined;
  const reason = 'Postgres server binaries are not installed (apt-get install postgresql); the Postgres tests are skipped';
  if (process.env.CLOSEDLOOP_REQUIRE_POSTGRES === '1') throw new Error(`${reason}, but CLOSEDLOOP_REQUIRE_POSTGRES=1 (CI) requires them.`);
  return reason;
}

let cluster: { url: string; dir: string } | undefined;

function clusterUrl(): string {
  const given = process.env.CLOSEDLOOP_TEST_POSTGRES_URL;
  if (given) return given;
  if (!cluster) {
    const dir = mkdtempSync(join(tmpdir(), 'closedloop-pg-'));
    chmodSync(dir, 0o755); // the server runs as another user when the tests run as root
    const url = execFileSync(SCRIPT, ['start', join(dir, 'cluster')], { encoding: 'utf8' }).trim();
    cluster = { url, dir };
    process.once('exit', () => stopCluster());
  }
  return cluster.url;
}

/** Stops the cluster this process started (if any) and deletes its folder. */
export function stopCluster(): void {
  if (!cluster) return;
  execFileSync(SCRIPT, ['stop', join(cluster.dir, 'cluster')], { stdio: 'ignore' });
  rmSync(cluster.dir, { recursive: true, force: true });
  cluster = undefined;
}

/** A new, empty database owned by the cluster's user. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const base = new URL(clusterUrl());
  const database = `closedloop_test_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base.href });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const url = new URL(base.href);
  url.pathname = `/${database}`;
  const user = decodeURIComponent(url.username);
  const cubeEnv: Record<string, string> = {
    CUBEJS_DB_TYPE: 'postgres',
    CUBEJS_DB_HOST: url.hostname,
    CUBEJS_DB_PORT: url.port || '5432',
    CUBEJS_DB_NAME: database,
    CUBEJS_DB_USER: user,
  };
  if (url.password) cubeEnv.CUBEJS_DB_PASS = decodeURIComponent(url.password);
  return {
    url: url.href,
    host: url.hostname,
    port: Number(url.port || 5432),
    database,
    user,
    cubeEnv,
    async drop() {
      const client = new pg.Client({ connectionString: base.href });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await client.end();
    },
  };
}
