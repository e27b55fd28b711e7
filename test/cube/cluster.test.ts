/**
 * `npm run serve -- --workers 2` over a DuckDB file: two API processes share the port, each a
 * whole server (its own refresh worker, rollups in its own memory, its own switch to a new
 * build). Every request here opens its own connection, so node:cluster's round-robin hands
 * them to both processes in turn: answers that are all right are answers from both.
 * Real child processes, real HTTP, the hand-counted fixture warehouse.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { get } from 'node:http';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../bench/lib/serve-child';
import { AFTER_REBUILD, FUNNEL_BY_MQL_MONTH, FUNNEL_TOTAL } from './expected';
import { FIXTURE_DIR, FIXTURE_SQL, REBUILD_SQL, alive, buildWarehouse, clusterChildren, num, rebuildInPlace, tempDir } from './helpers';
import type { Row } from './helpers';

const root = join(FIXTURE_DIR, '../../..');
const BY_MONTH = {
  measures: ['funnel.mql_count', 'funnel.acceptance_rate'],
  timeDimensions: [{ dimension: 'funnel.mql_date', granularity: 'month', dateRange: ['2024-01-01', '2024-03-31'] }],
};
const TOTALS = { measures: ['funnel.lead_count', 'funnel.mql_count'] };

interface Answer {
  readonly data: Row[];
  readonly usedPreAggregations: Record<string, unknown>;
}

/** GET /load on a connection of its own (no keep-alive), waiting out Cube's "Continue wait". */
async function loadOnNewConnection(url: string, query: unknown): Promise<Answer> {
  for (let attempt = 0; attempt < 120; attempt += 1) {
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = get(`${url}/cubejs-api/v1/load?query=${encodeURIComponent(JSON.stringify(query))}`, { agent: false }, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      });
      request.on('error', reject);
    });
    const parsed = JSON.parse(body) as { error?: string; data?: Row[]; usedPreAggregations?: Record<string, unknown> };
    if (parsed.error === 'Continue wait') continue;
    if (status !== 200) throw new Error(`HTTP ${status}: ${body.slice(0, 300)}`);
    return { data: parsed.data ?? [], usedPreAggregations: parsed.usedPreAggregations ?? {} };
  }
  throw new Error(`Cube kept answering "Continue wait" for ${JSON.stringify(query)}`);
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function serveCluster(warehouse: string, port: number): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/cli.ts'), '--workers', '2', '--no-web', '--warehouse', warehouse, '--port', String(port)], {
    cwd: root, env: { ...process.env, CUBEJS_DB_TYPE: 'duckdb' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  return { child, output: () => output };
}

describe('a cluster of API processes over a DuckDB file', () => {
  let dir: string;
  let warehouse: string;
  let primary: ChildProcess;
  let output: () => string;
  let url: string;

  beforeAll(async () => {
    dir = tempDir('closedloop-duck-cluster-');
    warehouse = await buildWarehouse(join(dir, 'warehouse.duckdb'));
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    ({ child: primary, output } = serveCluster(warehouse, port));
    await until('two API processes', () => {
      if (primary.exitCode !== null) throw new Error(`cluster exited with ${primary.exitCode}:\n${output()}`);
      return (output().match(/Cube API process/g) ?? []).length >= 2 ? true : undefined;
    }, 240_000);
  }, 300_000);

  afterAll(async () => {
    if (primary && primary.exitCode === null) {
      const exited = new Promise((r) => primary.once('exit', r));
      primary.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs two API processes, each with its own refresh worker, and no separate one', () => {
    expect(clusterChildren(primary.pid!).map(({ role, refresh }) => `${role} ${refresh}`)).toEqual(['api true', 'api true']);
  });

  it('answers from each process its own rollups, with the hand-counted numbers', async () => {
    const expected = Object.entries(FUNNEL_BY_MQL_MONTH).map(([month, values]) => [month, values.mql_count, values.acceptance_rate]);
    const answers: Answer[] = [];
    for (let i = 0; i < 8; i += 1) answers.push(await loadOnNewConnection(url, BY_MONTH));
    for (const answer of answers) {
      const rows = answer.data.map((row) => [row['funnel.mql_date.month'], num(row['funnel.mql_count']), num(row['funnel.acceptance_rate'])]);
      expect(rows).toEqual(expected);
    }
    // Each process's refresh worker builds its rollup within seconds; until then a process answers from the marts.
    const rolled = await until('every answer from a rollup', async () => {
      const next = await Promise.all(Array.from({ length: 8 }, () => loadOnNewConnection(url, BY_MONTH)));
      return next.every((answer) => Object.keys(answer.usedPreAggregations).length > 0) ? next : undefined;
    });
    expect(rolled.map((answer) => answer.data)).toEqual(rolled.map(() => answers[0]!.data));
  }, 180_000);

  it('every process serves a new build renamed over the file, without a restart', async () => {
    const totals = async (): Promise<number[]> => {
      const answers = await Promise.all(Array.from({ length: 8 }, () => loadOnNewConnection(url, TOTALS)));
      return answers.map((answer) => num(answer.data[0]?.['funnel.lead_count']) ?? -1);
    };
    expect(new Set(await totals())).toEqual(new Set([FUNNEL_TOTAL.lead_count]));
    await rebuildInPlace(warehouse, [FIXTURE_SQL, REBUILD_SQL]);
    // Each process notices the new file on its next request and switches once it has opened it.
    await until('both processes on the new build', async () => {
      const seen = new Set(await totals());
      return seen.size === 1 && seen.has(AFTER_REBUILD.lead_count) ? true : undefined;
    });
  }, 180_000);

  it('starts another API process when one dies, and stops every process on SIGTERM', async () => {
    const [victim] = clusterChildren(primary.pid!);
    process.kill(victim!.pid, 'SIGKILL');
    const replaced = await until('a new API process', () => {
      const children = clusterChildren(primary.pid!);
      return children.length === 2 && !children.some((c) => c.pid === victim!.pid) ? children : undefined;
    });
    await until('the new process serving', () => ((output().match(/Cube API process/g) ?? []).length >= 3 ? true : undefined));
    const exited = new Promise((r) => primary.once('exit', r));
    primary.kill('SIGTERM');
    await exited;
    await new Promise((r) => setTimeout(r, 500));
    expect(replaced.map((c) => c.pid).filter(alive)).toEqual([]);
  }, 180_000);
});

describe('a cluster whose processes cannot start', () => {
  // Each case: what --warehouse points at, what the output must say, whether API processes were started.
  const cases = [
    // The API processes fail on it (the primary does not open the warehouse): the primary stops them all.
    { name: 'a file that is not a DuckDB database', file: 'garbage.duckdb', contents: 'not a database\n', says: 'not a readable DuckDB database', started: true },
    // Checked by the primary before it starts any.
    { name: 'a missing file', file: 'missing.duckdb', contents: undefined, says: 'Warehouse file not found', started: false },
  ];
  it.each(cases)('$name: stops with exit code 1 and the reason, instead of starting them again', async ({ file, contents, says, started }) => {
    const dir = tempDir('closedloop-duck-cluster-');
    try {
      const warehouse = join(dir, file);
      if (contents !== undefined) writeFileSync(warehouse, contents);
      const { child, output } = serveCluster(warehouse, await freePort());
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code).toBe(1);
      expect(output()).toContain(says);
      expect(output().includes('could not start')).toBe(started);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
