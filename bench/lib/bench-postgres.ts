import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { root } from '../../scripts/lib/paths';

export interface BenchDatabase {
  readonly url: string;
  /** Cube's connection variables for `npm run serve` over this database. */
  readonly cubeEnv: Record<string, string>;
  /** Where it runs, for the report. */
  readonly describe: string;
  /** Drops the database, and stops the cluster when the bench started it. */
  close(): Promise<void>;
}

/**
 * A fresh database for one bench case: in the Postgres of CLOSEDLOOP_BENCH_POSTGRES_URL (or
 * CLOSEDLOOP_TEST_POSTGRES_URL) when set, else in a throwaway cluster started on a free port
 * with scripts/throwaway-postgres.sh (Debian's `postgresql` server binaries).
 */
export async function benchDatabase(): Promise<BenchDatabase> {
  const given = process.env.CLOSEDLOOP_BENCH_POSTGRES_URL || process.env.CLOSEDLOOP_TEST_POSTGRES_URL;
  let clusterDir: string | undefined;
  let base: string;
  if (given) {
    base = given;
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'closedloop-bench-pg-'));
    chmodSync(dir, 0o755); // the server runs as another user when the bench runs as root
    clusterDir = join(dir, 'cluster');
    try {
      base = execFileSync(join(root, 'scripts', 'throwaway-postgres.sh'), ['start', clusterDir], { encoding: 'utf8' }).trim();
    } catch (error) {
      throw new Error(
        `Cannot start a throwaway Postgres (${error instanceof Error ? error.message : String(error)}). ` +
          'Install the server binaries (apt-get install postgresql) or set CLOSEDLOOP_BENCH_POSTGRES_URL to a database whose user may CREATE DATABASE.',
        { cause: error },
      );
    }
  }
  const stopCluster = () => {
    if (clusterDir) execFileSync(join(root, 'scripts', 'throwaway-postgres.sh'), ['stop', clusterDir], { stdio: 'ignore' });
  };
  const database = `closedloop_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
  } catch (error) {
    stopCluster();
    throw error;
  } finally {
    await admin.end().catch(() => undefined);
  }
  const url = new URL(base);
  url.pathname = `/${database}`;
  const cubeEnv: Record<string, string> = {
    CUBEJS_DB_TYPE: 'postgres',
    CUBEJS_DB_HOST: url.hostname,
    CUBEJS_DB_PORT: url.port || '5432',
    CUBEJS_DB_NAME: database,
    CUBEJS_DB_USER: decodeURIComponent(url.username),
  };
  if (url.password) cubeEnv.CUBEJS_DB_PASS = decodeURIComponent(url.password);
  const version = await (async () => {
    const client = new pg.Client({ connectionString: url.href });
    await client.connect();
    try {
      return String((await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]?.v ?? '?');
    } finally {
      await client.end();
    }
  })();
  return {
    url: url.href,
    cubeEnv,
    describe: `Postgres ${version} on ${url.hostname}:${url.port || 5432}${clusterDir ? ' (throwaway cluster)' : ''}`,
    async close() {
      const client = new pg.Client({ connectionString: base });
      await client.connect().then(() => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)).catch(() => undefined);
      await client.end().catch(() => undefined);
      stopCluster();
    },
  };
}
