/**
 * Cube case: latency of each of the dashboard's own queries through the REST API, against
 * DuckDB running the SQL Cube generated for it directly, in the same run; then with
 * pre-aggregations, cached and uncached per dashboard page; then a load run of 50 concurrent
 * clients replaying those queries; then the funnel page rendered in Chromium over this warehouse;
 * then the same load against `--workers <cores>`.
 */
import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { ensureWebBuild } from '../../scripts/lib/ensure-web-build';
import { webDist } from '../../scripts/lib/paths';
import { captureDashboardQueriesByPage, distinctQueries } from '../lib/capture-dashboard-queries';
import { caseArgs, leadsAt } from '../lib/case-args';
import { expandCompareDateRange, generatedSql, load, stringDimensions, uncachedVariant } from '../lib/cube-rest';
import { measureFunnelRender } from '../lib/funnel-render-timing';
import { benchWarehouse } from '../lib/bench-warehouse';
import { emit, percentile, ratio } from '../lib/result';
import { serveInChild } from '../lib/serve-child';
import { runLoad, startCluster, waitForRollups } from '../lib/load-run';

const { scale, workDir } = caseArgs();
const leads = leadsAt(scale);
const reps = scale >= 0.5 ? 10 : 20;
const loadSeconds = scale >= 0.1 ? 30 : 10;
const CLIENTS = 50;
/**
 * Load before each measured load run, not measured: fresh processes answer slowly for their
 * first ~30 s of load (1M leads, --workers 2, rounds of 10 s from the start: 388, 635, 580, 662,
 * 658, 613 req/s) while V8 compiles Cube's code and the heaps grow. The one-process run is
 * warm from the runs before it anyway.
 */
const WARM_UP_SECONDS = 30;
const log = (line: string) => console.log(line);

// Built in a child process, so that this case's peak RSS is Cube's and the bench's, not the build's.
const warehouse = await benchWarehouse(workDir, leads, log);
await ensureWebBuild(log);

// 1. Without pre-aggregations: REST vs DuckDB running Cube's SQL directly.
const plain = await serveInChild({ warehouse, web: webDist, env: { CLOSEDLOOP_PRE_AGGREGATIONS: 'off' } });
const pages = await captureDashboardQueriesByPage(plain.url);
const queries = distinctQueries(pages);
await writeFile(join(workDir, 'dashboard-queries.json'), `${JSON.stringify(pages, null, 2)}\n`);
log(`Captured ${queries.length} distinct dashboard queries (${pages.map((p) => `${p.path} ${p.queries.length}`).join(', ')})`);
const single = queries.flatMap(expandCompareDateRange);

const instance = await DuckDBInstance.create(warehouse, { access_mode: 'READ_ONLY' });
const duck = await instance.connect();
const restMs: number[] = [];
const directMs: number[] = [];
const perQueryRatios: number[] = [];
for (const query of single) {
  const { sql, params } = await generatedSql(plain.url, query);
  await load(plain.url, query, 'no-cache'); // warm both sides once
  await duck.run(sql, params as DuckDBValue[]);
  const rest: number[] = [];
  const direct: number[] = [];
  for (let i = 0; i < reps; i++) {
    rest.push((await load(plain.url, query, 'no-cache')).ms);
    const started = performance.now();
    await duck.runAndReadAll(sql, params as DuckDBValue[]);
    direct.push(performance.now() - started);
  }
  restMs.push(...rest);
  directMs.push(...direct);
  perQueryRatios.push(percentile(rest, 50) / percentile(direct, 50));
}
duck.closeSync();
instance.closeSync();
const plainPeak = await plain.peakRssMb();
await plain.stop();

// 2. With pre-aggregations (built by the server's refresh worker, stored in DuckDB).
const rolled = await serveInChild({ warehouse, web: webDist });
const deadline = Date.now() + 600_000;
let covered: number;
for (;;) {
  covered = 0;
  for (const query of single) if ((await load(rolled.url, query)).usedPreAggregations) covered++;
  if (covered > 0 || Date.now() > deadline) break;
  await new Promise((r) => setTimeout(r, 2000));
}
const preMs: number[] = [];
const rolledUpMs: number[] = [];
for (const query of single) {
  const times: number[] = [];
  let used = false;
  for (let i = 0; i < reps; i++) {
    const answer = await load(rolled.url, query, 'no-cache');
    times.push(answer.ms);
    used = answer.usedPreAggregations;
  }
  preMs.push(...times);
  if (used) rolledUpMs.push(...times);
  log(`${used ? 'rollup' : 'marts '}  p50 ${percentile(times, 50).toFixed(1).padStart(7)} ms  ${describe(query)}`);
}

// 2b. Uncached, per dashboard page, as the page sends its queries (compareDateRange as one
// request), with pre-aggregations: each repetition is a distinct query with the same answer
// (uncachedVariant: a limit that is never reached, or an always-true filter), so Cube's result
// cache cannot answer it and every request runs its SQL, on a rollup or on the marts.
const strings = await stringDimensions(rolled.url);
const perPage: { path: string; p95: number; worst: string; worstMs: number; count: number }[] = [];
const uncachedAll: number[] = [];
for (const page of pages) {
  const times: number[] = [];
  let worst = '';
  let worstMs = 0;
  for (const query of page.queries) {
    const { rows } = await load(rolled.url, query);
    const own: number[] = [];
    for (let i = 0; i < reps; i++) own.push((await load(rolled.url, uncachedVariant(query, i, rows, strings))).ms);
    const p95 = percentile(own, 95);
    if (p95 > worstMs) [worst, worstMs] = [describe(query), p95];
    times.push(...own);
  }
  uncachedAll.push(...times);
  perPage.push({ path: page.path, p95: percentile(times, 95), worst, worstMs, count: page.queries.length });
  log(`uncached ${page.path.padEnd(14)} p95 ${percentile(times, 95).toFixed(1).padStart(7)} ms over ${page.queries.length} queries; slowest p95 ${worstMs.toFixed(1)} ms: ${worst}`);
}
const uncachedTarget = scale > 1 ? 150 : 100;

// 3. Load: 50 concurrent clients replaying the dashboard's queries (default cache mode, as the
// dashboard), after WARM_UP_SECONDS of the same load, not measured.
const oneWarmUp = await runLoad(rolled.url, queries, CLIENTS, WARM_UP_SECONDS);
const oneProcess = await runLoad(rolled.url, queries, CLIENTS, loadSeconds);
for (const [message, count] of [...oneWarmUp.errorMessages, ...oneProcess.errorMessages]) log(`load error ×${count}: ${message}`);
log(`load, 1 process: ${oneProcess.requestsPerSecond.toFixed(0)} req/s, p95 ${oneProcess.p95.toFixed(1)} ms, ${oneProcess.errors} errors`);
// 4. The funnel page in headless Chromium over this warehouse (warmed once, as a returning user finds it).
await measureFunnelRender(rolled.url, 1);
const { runsMs: renderRuns } = await measureFunnelRender(rolled.url, 5);
const renderMedian = percentile(renderRuns, 50);
const rolledPeak = await rolled.peakRssMb();
await rolled.stop();

// 5. The same load against `--workers N`, one API process per core over the same file (each
// process builds its own rollups in its memory): one process answers from one JS thread.
const workers = availableParallelism();
const cluster = await startCluster({ workers, warehouse });
const { clusterCovered, clusterWarmUp, clustered, clusterPeak } = await (async () => {
  try {
    const covered = await waitForRollups(cluster.url, queries);
    const warmUp = await runLoad(cluster.url, queries, CLIENTS, WARM_UP_SECONDS);
    const run = await runLoad(cluster.url, queries, CLIENTS, loadSeconds);
    return { clusterCovered: covered, clusterWarmUp: warmUp, clustered: run, clusterPeak: await cluster.peakRssMb() };
  } finally {
    await cluster.stop();
  }
})();
for (const [message, count] of [...clusterWarmUp.errorMessages, ...clustered.errorMessages]) log(`load error (--workers ${workers}) ×${count}: ${message}`);
log(`load, --workers ${workers}: ${clustered.requestsPerSecond.toFixed(0)} req/s, p95 ${clustered.p95.toFixed(1)} ms, ${clustered.errors} errors; rollups serve ${clusterCovered} of ${queries.length} queries in every process`);

const restP50 = percentile(restMs, 50);
const directP50 = percentile(directMs, 50);
emit({
  name: 'cube api',
  scale: `${leads.toLocaleString('en-US')} leads, ${queries.length} dashboard queries (${single.length} single-range), ${reps} reps each`,
  figures: [
    { name: 'REST p50 (no pre-agg)', value: restP50, unit: 'ms' },
    { name: 'REST p95 (no pre-agg)', value: percentile(restMs, 95), unit: 'ms' },
    { name: 'DuckDB direct p50', value: directP50, unit: 'ms' },
    { name: 'DuckDB direct p95', value: percentile(directMs, 95), unit: 'ms' },
    { name: 'REST p50 (pre-agg)', value: percentile(preMs, 50), unit: 'ms' },
    { name: 'REST p95 (pre-agg)', value: percentile(preMs, 95), unit: 'ms' },
    { name: 'REST p95 (pre-agg, rolled-up queries only)', value: percentile(rolledUpMs, 95), unit: 'ms' },
    { name: 'queries served from pre-aggs', value: covered, unit: `of ${single.length}` },
    { name: `load, 1 process: requests/s (${CLIENTS} clients)`, value: oneProcess.requestsPerSecond, unit: 'req/s' },
    { name: 'load, 1 process: p95', value: oneProcess.p95, unit: 'ms' },
    { name: 'load, 1 process: errors', value: oneProcess.errors, unit: `of ${oneProcess.requests}` },
    { name: `load, --workers ${workers}: requests/s (${CLIENTS} clients)`, value: clustered.requestsPerSecond, unit: 'req/s' },
    { name: `load, --workers ${workers}: p95`, value: clustered.p95, unit: 'ms' },
    { name: `load, --workers ${workers}: errors`, value: clustered.errors, unit: `of ${clustered.requests}` },
    ...perPage.map((p) => ({ name: `uncached p95, page ${p.path} (${p.count} queries)`, value: p.p95, unit: 'ms' })),
    { name: 'uncached p95, every page', value: percentile(uncachedAll, 95), unit: 'ms' },
    { name: 'funnel page rendered, median of 5', value: renderMedian, unit: 'ms' },
    { name: 'server peak RSS (no pre-agg)', value: plainPeak, unit: 'MB' },
    { name: 'server peak RSS (pre-agg + load)', value: rolledPeak, unit: 'MB' },
    { name: `server peak RSS, --workers ${workers} (all processes)`, value: clusterPeak, unit: 'MB' },
  ],
  ratios: [
    ratio('REST p50 ÷ direct p50 (no pre-agg)', restP50 / directP50, 'DuckDB running the same generated SQL', { max: 1.5 }),
    ratio('median per-query ratio', percentile(perQueryRatios, 50), 'DuckDB, same SQL, per query'),
    ratio('worst per-query ratio', Math.max(...perQueryRatios), 'DuckDB, same SQL, per query'),
    ratio('REST p95 with pre-aggs ÷ 30 ms', percentile(preMs, 95) / 30, 'the 30 ms target (all dashboard queries)', { max: 1 }),
    ratio('REST p95, rolled-up queries ÷ 30 ms', percentile(rolledUpMs, 95) / 30, 'the 30 ms target (queries a rollup serves)', { max: 1 }),
    ...perPage.map((p) => ratio(`uncached p95, page ${p.path} ÷ ${uncachedTarget} ms`, p.p95 / uncachedTarget, `the ${uncachedTarget} ms target (slowest: ${p.worst}, ${p.worstMs.toFixed(0)} ms)`, { max: 1 })),
    ratio('load p95, 1 process ÷ 150 ms', oneProcess.p95 / 150, `the 150 ms target (${CLIENTS} clients, 0 errors)`),
    ratio(`load p95, --workers ${workers} ÷ 150 ms`, clustered.p95 / 150, `the 150 ms target (${CLIENTS} clients, 0 errors)`, { max: 1 }),
    ratio('load errors', oneWarmUp.errors + oneProcess.errors + clusterWarmUp.errors + clustered.errors, 'requests that failed, both runs and their warm-ups (target 0)', { max: 0 }),
    ratio('funnel render median ÷ 1.0 s', renderMedian / 1000, 'the 1.0 s target', { max: 1 }),
  ],
});

function describe(query: unknown): string {
  const q = query as { measures?: string[]; dimensions?: string[]; timeDimensions?: { dimension: string; granularity?: string }[] };
  const time = (q.timeDimensions ?? []).map((td) => `${td.dimension}${td.granularity ? `.${td.granularity}` : ''}`);
  return `${(q.measures ?? []).join(',')} by ${[...(q.dimensions ?? []), ...time].join(',') || '(total)'}`;
}
