/**
 * Benchmark helper for the ETL case of `npm run bench`: times the full build on a folder of
 * exports against DuckDB alone reading the same CSV files into tables, each measurement in a
 * Node process of its own (`bench-measure.ts`).
 */
import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { BuildReport } from './build';
import { discoverFiles } from './load/discover-files';

export interface EtlBenchResult {
  /** Wall time of `buildWarehouse` (load, models, data tests, publish). */
  readonly buildMs: number;
  /** Wall time of DuckDB alone: `create table … as select * from read_csv(file, header, all_varchar, store_rejects)` per file. */
  readonly readCsvMs: number;
  /** buildMs ÷ readCsvMs (target ≤ 1.6 at 1M leads, ≤ 2.0 at 10M): the median round's. */
  readonly ratio: number;
  /**
   * Every round: the reference, then the build, each in a process of its own. The other
   * figures (times, CPU, phases, models, report) are those of the round with the median ratio.
   */
  readonly rounds: readonly EtlBenchRound[];
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
  /** Peak resident set size of the build's process, in bytes (each measurement runs in a process of its own; the largest round). */
  readonly peakRssBytes: number;
  /** The same for the read_csv references (the larger of the two). */
  readonly readCsvPeakRssBytes: number;
  readonly phases: BuildReport['phases'];
  /**
   * Wall time of each model, start to end, in the order they finished (from the build's
   * progress events). The marts after build_info run two at a time, so theirs overlap.
   */
  readonly models: readonly ModelTime[];
  /**
   * The models grouped (MODEL_GROUPS): wall-clock milliseconds (a mart that ran beside another
   * counts half the time they overlapped, `wallClockShares`) and share of the build's wall time.
   */
  readonly groups: readonly { readonly group: ModelGroup; readonly ms: number; readonly share: number }[];
  readonly report: BuildReport;
}

export interface EtlBenchRound {
  readonly buildMs: number;
  readonly readCsvMs: number;
  readonly ratio: number;
}

export interface ModelTime {
  readonly name: string;
  readonly layer: string;
  /** From its start to its end. */
  readonly ms: number;
  /** When it ended, ms after the build started (absent: models ran one after another). */
  readonly endMs?: number;
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

/**
 * Each model's share of the wall clock, in the order given: while n models run at once, each
 * is charged 1/n of that time (the marts after build_info run two at a time), so the shares
 * add up to the time any model ran. Models without `endMs` ran alone: their `ms`.
 */
export function wallClockShares(models: readonly ModelTime[]): number[] {
  const spans = models.map((m) => (m.endMs === undefined ? undefined : { start: m.endMs - m.ms, end: m.endMs }));
  const edges = [...new Set(spans.flatMap((s) => (s ? [s.start, s.end] : [])))].sort((a, b) => a - b);
  const shares = models.map((m, i) => (spans[i] ? 0 : m.ms));
  for (let e = 1; e < edges.length; e++) {
    const [from, to] = [edges[e - 1]!, edges[e]!];
    const running = spans.flatMap((s, i) => (s && s.start <= from && s.end >= to ? [i] : []));
    for (const i of running) shares[i]! += (to - from) / running.length;
  }
  return shares;
}

/** Wall-clock milliseconds per group (`wallClockShares`), and each group's share of `buildMs`, groups in a fixed order. */
export function groupModelTimes(models: readonly ModelTime[], buildMs: number): EtlBenchResult['groups'] {
  const order: ModelGroup[] = ['attribution and goals', 'funnel (leads, stages, SLA, leaks)', 'staging and the other marts'];
  const shares = wallClockShares(models);
  return order.map((group) => {
    const ms = Math.round(models.reduce((sum, m, i) => sum + (modelGroup(m.name) === group ? shares[i]! : 0), 0));
    return { group, ms, share: buildMs > 0 ? ms / buildMs : 0 };
  });
}

export interface EtlBenchOptions {
  /** Where the warehouse and the reference database are written (default: `<dir>/../.etl-bench`). */
  readonly workDir?: string;
  readonly agreementPath?: string;
  /** Print what is being measured (default true). */
  readonly log?: (line: string) => void;
  /**
   * Measure the reference and the build this many times, alternately, and report the round
   * with the median ratio (default 1). On a shared VM one pair can be off by a fifth either way.
   */
  readonly rounds?: number;
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

  const referencePath = join(workDir, 'read-csv-reference.duckdb');
  const warehousePath = join(workDir, 'warehouse.duckdb');
  const count = Math.max(1, Math.floor(options.rounds ?? 1));
  const measured: { reference: BenchMeasurement; build: BenchMeasurement }[] = [];
  let parallel: BenchMeasurement | undefined;
  for (let round = 1; round <= count; round++) {
    const of = count > 1 ? ` (round ${round} of ${count})` : '';
    // Reference: DuckDB's own CSV reader, one table per file.
    await removeDb(referencePath);
    log(`DuckDB read_csv reference: ${files.length} files${of}`);
    const reference = await measureInChild(['read-csv', '1', referencePath, ...files]);
    await removeDb(referencePath);
    if (!parallel) {
      // The build loads two files at a time; for comparison, the reference done the same way (once).
      log(`DuckDB read_csv reference, two files at a time`);
      parallel = await measureInChild(['read-csv', '2', referencePath, ...files]);
      await removeDb(referencePath);
    }
    await removeDb(warehousePath);
    log(`Build: ${warehousePath}${of}`);
    const build = await measureInChild(['build', dir, warehousePath, agreementPath]);
    if (!build.report) throw new Error('The bench build reported no build report.');
    measured.push({ reference, build });
  }
  const rounds = measured.map(({ reference, build }) => ({ buildMs: build.ms, readCsvMs: reference.ms, ratio: build.ms / reference.ms }));
  const median = [...rounds.keys()].sort((a, b) => rounds[a]!.ratio - rounds[b]!.ratio)[Math.floor(rounds.length / 2)]!; // of two, the higher
  const { reference, build } = measured[median]!;
  const report = build.report!;
  const models = build.models ?? [];

  const rows = report.files.reduce((sum, f) => sum + f.rowsRead, 0);
  const bytes = report.files.reduce((sum, f) => sum + f.bytes, 0);
  return {
    buildMs: build.ms,
    readCsvMs: reference.ms,
    ratio: build.ms / reference.ms,
    rounds,
    readCsvParallelMs: parallel!.ms,
    rows,
    rowsPerSecond: Math.round(rows / (build.ms / 1000)),
    bytes,
    readCsvCpuMs: reference.cpuMs,
    buildCpuMs: build.cpuMs,
    peakRssBytes: Math.max(...measured.map((m) => m.build.peakRssBytes)),
    readCsvPeakRssBytes: Math.max(parallel!.peakRssBytes, ...measured.map((m) => m.reference.peakRssBytes)),
    phases: report.phases,
    models,
    groups: groupModelTimes(models, build.ms),
    report,
  };
}

/** What one measurement's process (`bench-measure.ts`) reports. */
export interface BenchMeasurement {
  readonly ms: number;
  /** User + system CPU time of the measuring process (DuckDB's threads too). */
  readonly cpuMs: number;
  /** Peak resident set size of the measuring process. */
  readonly peakRssBytes: number;
  /** The build's only. */
  readonly models?: readonly ModelTime[];
  readonly report?: BuildReport;
}

export const MEASUREMENT_MARKER = 'ETL_BENCH_MEASUREMENT ';

/** Runs one measurement in a new Node process and returns what it printed after MEASUREMENT_MARKER. */
async function measureInChild(args: readonly string[]): Promise<BenchMeasurement> {
  const script = resolve(import.meta.dirname, 'bench-measure.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((done) => child.once('close', done));
  const line = output.split('\n').find((l) => l.startsWith(MEASUREMENT_MARKER));
  if (code !== 0 || !line) throw new Error(`The bench measurement "${args[0] ?? ''}" failed (exit ${code ?? 'signal'}):\n${output.slice(-4000)}`);
  return JSON.parse(line.slice(MEASUREMENT_MARKER.length)) as BenchMeasurement;
}

/** Reads a file to the end in 1 MB chunks, keeping none of it. */
async function readThrough(path: string): Promise<void> {
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) void chunk;
}

async function removeDb(path: string): Promise<void> {
  await rm(path, { force: true });
  await rm(`${path}.wal`, { force: true });
}
