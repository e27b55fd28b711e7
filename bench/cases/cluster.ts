/**
 * Cluster case: 50 concurrent clients replaying the dashboard's own queries for 30 s (10 s
 * below --scale 0.1) against `npm run serve -- --workers 1` and against `--workers 4`: the
 * same topology (API processes sharing the port + one refresh worker), both serving the marts
 * `npm run publish` put in Postgres, with the rollups the refresh worker built in Postgres.
 * Reports requests/s, p95 and errors of each and the ratios 4 ÷ 1. Cube 1.x keeps its cache
 * and queue in each process's memory here (it shares them only through Cube Store), so the 4
 * processes share the rollup tables, not each other's result cache.
 */
import { availableParallelism, loadavg } from 'node:os';
import { publishToPostgres } from '../../etl/src/publish/publish-to-postgres';
import { ensureWebBuild } from '../../scripts/lib/ensure-web-build';
import { webDist } from '../../scripts/lib/paths';
import { benchDatabase } from '../lib/bench-postgres';
import { benchWarehouse } from '../lib/bench-warehouse';
import { captureDashboardQueriesByPage, distinctQueries } from '../lib/capture-dashboard-queries';
import { caseArgs, leadsAt } from '../lib/case-args';
import { runLoad, startCluster, waitForRollups, type LoadRun } from '../lib/load-run';
import { emit, ratio, type Figure } from '../lib/result';

const { scale, workDir } = caseArgs();
const leads = leadsAt(scale);
const CLIENTS = 50;
const loadSeconds = scale >= 0.1 ? 30 : 10;
const log = (line: string) => console.log(line);

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

interface Measured extends LoadRun {
  readonly workers: number;
  readonly covered: number;
  readonly peakRssMb: number;
}

async function measure(workers: number, env: Record<string, string>, queries: readonly unknown[]): Promise<Measured> {
  log(`Starting --workers ${workers} over Postgres…`);
  const cluster = await startCluster({ workers, env });
  cleanups.push(() => cluster.stop());
  try {
    const covered = await waitForRollups(cluster.url, queries);
    log(`  rollups serve ${covered} of ${queries.length} queries; ${CLIENTS} clients for ${loadSeconds} s…`);
    const run = { workers, covered, ...(await runLoad(cluster.url, queries, CLIENTS, loadSeconds)), peakRssMb: await cluster.peakRssMb() };
    for (const [message, count] of run.errorMessages) log(`  load error ×${count}: ${message}`);
    log(`  ${run.requestsPerSecond.toFixed(1)} req/s, p50 ${run.p50.toFixed(0)} ms, p95 ${run.p95.toFixed(0)} ms, ${run.errors} errors of ${run.requests}`);
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
  const capture = await startCluster({ workers: 1, env: database.cubeEnv, web: webDist });
  cleanups.push(() => capture.stop());
  const queries = distinctQueries(await captureDashboardQueriesByPage(capture.url).finally(() => capture.stop()));
  log(`Captured ${queries.length} distinct dashboard queries`);

  const one = await measure(1, database.cubeEnv, queries);
  const four = await measure(4, database.cubeEnv, queries);
  const figures = (run: Measured): Figure[] => [
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
