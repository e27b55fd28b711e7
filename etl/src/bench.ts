/**
 * Benchmark helper for the ETL case of `npm run bench`: times the full build on a folder of
 * exports against DuckDB alone reading the same CSV files into tables, in the same process.
 */
import { createReadStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { buildWarehouse, type BuildReport, type ProgressEvent } from './build';
import { ALLOCATOR_SETTINGS } from './db/duckdb-allocator';
import { discoverFiles } from './load/discover-files';
import { literal } from './load/sql-text';

export interface EtlBenchResult {
  /** Wall time of `buildWarehouse` (load, models, data tests, publish). */
  readonly buildMs: number;
  /** Wall time of DuckDB alone: `create table … as select * from read_csv(file, header, all_varchar, store_rejects)` per file. */
  readonly readCsvMs: number;
  /** buildMs ÷ readCsvMs (target ≤ 2.0). */
  readonly ratio: number;
  /** The same reference with two files read at a time on two connections (as the build loads). */
  readonly readCsvParallelMs: number;
  /** Input records the build read (loaded + quarantined). */
  readonly rows: number;
  readonly rowsPerSecond: number;
  readonly bytes: number;
  /** CPU time (user + system, every thread of this process: DuckDB's too) of the one-file-after-another reference. */
  readonly readCsvCpuMs: number;
  /** CPU time of the build. On a shared machine CPU time is steadier than wall time. */
  readonly buildCpuMs: number;
  /** Peak resident set size of this process so far, in bytes (covers both measurements). */
  readonly peakRssBytes: number;
  readonly phases: BuildReport['phases'];
  /** Wall time of each model, in build order (from the build's progress events). */
  readonly models: readonly ModelTime[];
  /** The models grouped (MODEL_GROUPS): milliseconds and share of the build's wall time. */
  readonly groups: readonly { readonly group: ModelGroup; readonly ms: number; readonly share: number }[];
  readonly report: BuildReport;
}

export interface ModelTime {
  readonly name: string;
  readonly layer: string;
  readonly ms: number;
}

export type ModelGroup = 'attribution and goals' | 'funnel (leads, stages, SLA, leaks)' | 'staging and the other marts';

/**
 * The attribution and goal models (issue 9 and 10's marts, and the staging and intermediate
 * models only they read). Their budget is 20 % of the build.
 */
const ATTRIBUTION_AND_GOALS: ReadonlySet<string> = new Set([
  'stg_marketing__spend__checked', 'stg_marketing__spend__duplicates', 'stg_marketing__spend', 'stg_marketing__spend__rejected',
  'int_touches_unioned', 'int_spend_channels_mapped',
  'touchpoints', 'attribution', 'attribution_models', 'spend', 'campaign_performance', 'revenue_goals', 'goal_pacing',
]);
const FUNNEL: ReadonlySet<string> = new Set(['leads', 'stage_events', 'mql_events', 'leaks', 'sales_activities', 'opportunities', 'sla_targets']);

export function modelGroup(name: string): ModelGroup {
  return ATTRIBUTION_AND_GOALS.has(name) ? 'attribution and goals' : FUNNEL.has(name) ? 'funnel (leads, stages, SLA, leaks)' : 'staging and the other marts';
}

/** Milliseconds per group, and each group's share of `buildMs`, groups in a fixed order. */
export function groupModelTimes(models: readonly ModelTime[], buildMs: number): EtlBenchResult['groups'] {
  const order: ModelGroup[] = ['attribution and goals', 'funnel (leads, stages, SLA, leaks)', 'staging and the other marts'];
  return order.map((group) => {
    const ms = models.filter((m) => modelGroup(m.name) === group).reduce((sum, m) => sum + m.ms, 0);
    return { group, ms, share: buildMs > 0 ? ms / buildMs : 0 };
  });
}

export interface EtlBenchOptions {
  /** Where the warehouse and the reference database are written (default: `<dir>/../.etl-bench`). */
  readonly workDir?: string;
  readonly agreementPath?: string;
  /** Print what is being measured (default true). */
  readonly log?: (line: string) => void;
}

export async function benchEtl(dir: string, options: EtlBenchOptions = {}): Promise<EtlBenchResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const workDir = resolve(options.workDir ?? join(dir, '..', '.etl-bench'));
  const agreementPath = options.agreementPath ?? resolve(import.meta.dirname, '../../agreement.yml');
  await mkdir(workDir, { recursive: true });
  const files = await discoverFiles([dir]);

  // Both measurements start with the files in the page cache: read them once first. (Without
  // this the reference paid for the disk reads and the build did not: the ratio then depended
  // on how recently the files had been read — 1.76× on one run, 2.39× on the next.)
  log(`Reading ${files.length} files once (page cache)`);
  for (const file of files) await readThrough(file);

  // Reference: DuckDB's own CSV reader, one table per file.
  const referencePath = join(workDir, 'read-csv-reference.duckdb');
  await removeDb(referencePath);
  log(`DuckDB read_csv reference: ${files.length} files`);
  const referenceStarted = performance.now();
  const referenceCpu = process.cpuUsage();
  await readCsvInto(referencePath, files, 1);
  const readCsvMs = performance.now() - referenceStarted;
  const readCsvCpuMs = cpuMsSince(referenceCpu);
  await removeDb(referencePath);

  // The build loads two files at a time; for comparison, the reference done the same way.
  log(`DuckDB read_csv reference, two files at a time`);
  const parallelStarted = performance.now();
  await readCsvInto(referencePath, files, 2);
  const readCsvParallelMs = performance.now() - parallelStarted;
  await removeDb(referencePath);

  const warehousePath = join(workDir, 'warehouse.duckdb');
  await removeDb(warehousePath);
  log(`Build: ${warehousePath}`);
  const buildStarted = performance.now();
  const buildCpu = process.cpuUsage();
  // Each model's time: from the previous model's end (or the models phase's start) to its own.
  const models: ModelTime[] = [];
  let since = buildStarted;
  const onProgress = (event: ProgressEvent): void => {
    const now = performance.now();
    if (event.type === 'phase') since = now;
    if (event.type !== 'model-done') return;
    models.push({ name: event.name, layer: event.layer, ms: Math.round(now - since) });
    since = now;
  };
  const report = await buildWarehouse({ inputs: [dir], warehousePath, agreementPath, onProgress });
  const buildMs = performance.now() - buildStarted;
  const buildCpuMs = cpuMsSince(buildCpu);

  const rows = report.files.reduce((sum, f) => sum + f.rowsRead, 0);
  const bytes = report.files.reduce((sum, f) => sum + f.bytes, 0);
  return {
    buildMs: Math.round(buildMs),
    readCsvMs: Math.round(readCsvMs),
    ratio: buildMs / readCsvMs,
    readCsvParallelMs: Math.round(readCsvParallelMs),
    rows,
    rowsPerSecond: Math.round(rows / (buildMs / 1000)),
    bytes,
    readCsvCpuMs,
    buildCpuMs,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    phases: report.phases,
    models,
    groups: groupModelTimes(models, buildMs),
    report,
  };
}

/**
 * DuckDB alone: `create table … as select * from read_csv(…)` per file, `width` files at a time,
 * then a checkpoint. With the build's allocator settings (`db/duckdb-allocator.ts`): the
 * reference gets whatever they gain it, so the ratio measures the build's work alone.
 */
async function readCsvInto(path: string, files: readonly string[], width: number): Promise<void> {
  const instance = await DuckDBInstance.create(path, { ...ALLOCATOR_SETTINGS, memory_limit: '3GB' });
  const queue = files.map((file, i) => ({ file, i }));
  await Promise.all(
    Array.from({ length: width }, async () => {
      const connection = await instance.connect();
      for (let next = queue.shift(); next; next = queue.shift()) {
        await connection.run(`create table t${next.i} as select * from read_csv(${literal(next.file)}, header = true, all_varchar = true, store_rejects = true, rejects_table = 'rejects_${next.i}', rejects_scan = 'scan_${next.i}')`);
      }
      connection.closeSync();
    }),
  );
  const connection = await instance.connect();
  await connection.run('checkpoint');
  connection.closeSync();
  instance.closeSync();
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(start);
  return Math.round((user + system) / 1000);
}

/** Reads a file to the end in 1 MB chunks, keeping none of it. */
async function readThrough(path: string): Promise<void> {
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) void chunk;
}

async function removeDb(path: string): Promise<void> {
  await rm(path, { force: true });
  await rm(`${path}.wal`, { force: true });
}
