/**
 * Cluster case: 50 concurrent clients replaying the dashboard's own queries for 30 s (10 s
 * below --scale 0.1) against `npm run serve -- --workers 1` and against `--workers 4`: the
 * same topology (API processes sharing the port + one refresh worker), both serving the marts
 * `npm run publish` put in Postgres, with the rollups the refresh worker built in Postgres.
 * Reports requests/s, p95 and errors of each and the ratios 4 ÷ 1. Cube 1.x keeps its cache
 * and queue in each process's memory here (it shares them only through Cube Store), so the 4
 * processes share the rollup tables, not each other's result cache.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { publishToPostgres } from '../../etl/src/publish/publish-to-postgres';
import { ensureWebBuild } from '../../scripts/lib/ensure-web-build';
import { root, webDist } from '../../scripts/lib/paths';
import { benchDatabase } from '../lib/bench-postgres';
import { benchWarehouse } from '../lib/bench-warehouse';
import { captureDashboardQueriesByPage, distinctQueries } from '../lib/capture-dashboard-queries';
import { caseArgs, leadsAt } from '../lib/case-args';
import { load } from '../lib/cube-rest';
import { emit, percentile, ratio, type Figure } from '../lib/result';
import { freePort } from '../lib/serve-child';

const { scale, workDir } = caseArgs();
const leads = leadsAt(scale);
const CLIENTS = 50;
const loadSeconds = scale >= 0.1 ? 30 : 10;
const log = (line: string) => console.log(line);

interface Cluster {
  readonly url: string;
  /** Peak resident memory of the primary and its processes (sum of VmHWM), MB. */
  peakRssMb(): Promise<number>;
  stop(): Promise<void>;
}

/** What to stop when the bench is interrupted (the servers, then the throwaway Postgres). */
const cleanups: (() => Promise<void>)[] = [];
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void (async () => {
      for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
      process.exitCode = 130;
      process.kill(process.pid, signal);
    })();
  });
}

async function startCluster(workers: number, env: Record<string, string>, web: boolean): Promise<Cluster> {
  const port = await freePort();
  const args = ['--import', 'tsx', join(root, 'server', 'cli.ts'), '--workers', String(workers), '--port', String(port), ...(web ? ['--web', webDist] : ['--no-web'])];
  const primary: ChildProcess = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  primary.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  primary.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 240_000;
  while ((output.match(/Cube API process/g) ?? []).length < workers || !output.includes('refresh worker')) {
    if (primary.exitCode !== null) throw new Error(`--workers ${workers} exited with ${primary.exitCode}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`--workers ${workers} did not start within 240 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  cleanups.push(async () => void primary.kill('SIGTERM'));
  const rss = async (pid: number) => Number(/VmHWM:\s+(\d+)/.exec(await readFile(`/proc/${pid}/status`, 'utf8').catch(() => ''))?.[1] ?? 0);
  return {
    url: `http://127.0.0.1:${port}`,
    async peakRssMb() {
      const children = execFileSync('pgrep', ['-P', String(primary.pid)], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number);
      const kb = (await Promise.all([primary.pid!, ...children].map(rss))).reduce((a, b) => a + b, 0);
      return Math.round(kb / 1024);
    },
    async stop() {
      if (primary.exitCode !== null) return;
      const exited = new Promise((r) => primary.once('exit', r));
      primary.kill('SIGTERM');
      const timer = setTimeout(() => primary.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Replays every query until the rollups the refresh worker builds serve as many of them as they will (stable for two passes). */
async function waitForRollups(url: string, queries: readonly unknown[]): Promise<number> {
  const deadline = Date.now() + 600_000;
  let previous = -1;
  let stable = 0;
  for (;;) {
    let covered = 0;
    // Every API process gets each query (node:cluster hands connections round-robin).
    for (const query of queries) {
      const answers = await Promise.all(Array.from({ length: 4 }, () => load(url, query)));
      if (answers.every((a) => a.usedPreAggregations)) covered++;
    }
    stable = covered === previous ? stable + 1 : 0;
    previous = covered;
    if ((stable >= 1 && covered > 0) || Date.now() > deadline) return covered;
    await new Promise((r) => setTimeout(r, 2000));
  }
}

interface LoadRun {
  readonly workers: number;
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p95: number;
  readonly errors: number;
  readonly requests: number;
  readonly covered: number;
  readonly peakRssMb: number;
}

async function measure(workers: number, env: Record<string, string>, queries: readonly unknown[]): Promise<LoadRun> {
  log(`Starting --workers ${workers} over Postgres…`);
  const cluster = await startCluster(workers, env, false);
  try {
    const covered = await waitForRollups(cluster.url, queries);
    log(`  rollups serve ${covered} of ${queries.length} queries; ${CLIENTS} clients for ${loadSeconds} s…`);
    const latencies: number[] = [];
    const errorMessages = new Map<string, number>();
    let errors = 0;
    const started = performance.now();
    const until = Date.now() + loadSeconds * 1000;
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        for (let i = client; Date.now() < until; i++) {
          try {
            latencies.push((await load(cluster.url, queries[i % queries.length])).ms);
          } catch (error) {
            errors++;
            const message = error instanceof Error ? error.message.slice(0, 200) : String(error);
            errorMessages.set(message, (errorMessages.get(message) ?? 0) + 1);
          }
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    for (const [message, count] of errorMessages) log(`  load error ×${count}: ${message}`);
    const run = {
      workers,
      requestsPerSecond: latencies.length / seconds,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      errors,
      requests: latencies.length + errors,
      covered,
      peakRssMb: await cluster.peakRssMb(),
    };
    log(`  ${run.requestsPerSecond.toFixed(1)} req/s, p50 ${run.p50.toFixed(0)} ms, p95 ${run.p95.toFixed(0)} ms, ${errors} errors of ${run.requests}`);
    return run;
  } finally {
    await cluster.stop();
  }
}

const warehouse = await benchWarehouse(workDir, leads, log);
await ensureWebBuild(log);
const database = await benchDatabase().catch((error: unknown) => {
  // Reported, not fatal: the other cases of the run still count.
  const reason = error instanceof Error ? error.message : String(error);
  log(`cluster case skipped: ${reason}`);
  emit({ name: 'cluster (Postgres)', scale: 'skipped', figures: [], ratios: [], notes: [`skipped: ${reason}`] });
  return undefined;
});
if (database) cleanups.push(() => database.close());
if (database) try {
  log(`Publishing ${warehouse} to ${database.describe}…`);
  const published = await publishToPostgres({ warehousePath: warehouse, url: database.url });
  log(`  ${published.tables.reduce((n, t) => n + t.rows, 0).toLocaleString('en-US')} rows in ${(published.elapsedMs / 1000).toFixed(1)} s`);

  // The dashboard's own queries, recorded from a one-process cluster serving it (this also builds the rollups once).
  const capture = await startCluster(1, database.cubeEnv, true);
  const queries = distinctQueries(await captureDashboardQueriesByPage(capture.url).finally(() => capture.stop()));
  log(`Captured ${queries.length} distinct dashboard queries`);

  const one = await measure(1, database.cubeEnv, queries);
  const four = await measure(4, database.cubeEnv, queries);
  const figures = (run: LoadRun): Figure[] => [
    { name: `${run.workers} API process(es): requests/s`, value: run.requestsPerSecond, unit: 'req/s' },
    { name: `${run.workers} API process(es): p50`, value: run.p50, unit: 'ms' },
    { name: `${run.workers} API process(es): p95`, value: run.p95, unit: 'ms' },
    { name: `${run.workers} API process(es): errors`, value: run.errors, unit: `of ${run.requests}` },
    { name: `${run.workers} API process(es): queries served from rollups`, value: run.covered, unit: `of ${queries.length}` },
    { name: `${run.workers} API process(es): peak RSS, all processes`, value: run.peakRssMb, unit: 'MB' },
  ];
  emit({
    name: 'cluster (Postgres)',
    scale: `${leads.toLocaleString('en-US')} leads, ${queries.length} dashboard queries, ${CLIENTS} clients × ${loadSeconds} s`,
    figures: [...figures(one), ...figures(four)],
    ratios: [
      ratio('requests/s, 4 processes ÷ 1', four.requestsPerSecond / one.requestsPerSecond, '--workers 1 in the same run'),
      ratio('p95, 4 processes ÷ 1', four.p95 / one.p95, '--workers 1 in the same run'),
    ],
    notes: notes(database.describe),
  });
} finally {
  await database.close();
}

function notes(where: string): string[] {
  const lines = [
    `${where}, on the same machine as the servers and the clients: ${availableParallelism()} CPU(s), load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} at the end.`,
    'Both runs are the cluster topology (node:cluster API processes + 1 refresh worker); rollups in Postgres, Cube cache and queue in each process\'s memory.',
  ];
  for (const line of lines) log(line);
  return lines;
}
