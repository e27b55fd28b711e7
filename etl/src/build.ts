/**
 * Build the warehouse: load raw exports, run the models and the data tests into a new file
 * next to the warehouse, and replace the warehouse with it only when every data test passes.
 *
 * Safety: the new database is `<warehouse>.building-<pid>`. The previous warehouse is not
 * opened, let alone written, until the final `rename(2)`, which is atomic on one filesystem;
 * a build that fails or is killed leaves it exactly as it was (a killed build's temp file is
 * removed by the next build).
 */
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { Kysely } from 'kysely';
import { loadAgreement } from './agreement/load-agreement';
import type { BuildReport, FileReconciliation } from './build-report';
import { dataTestRun, runDataTests as realRunDataTests, type DataTestResult } from './data-tests/index';
import { BUILD_MEMORY_LIMIT } from './db/build-memory';
import { ALLOCATOR_SETTINGS } from './db/duckdb-allocator';
import { duckdbDialect } from './db/duckdb-dialect';
import { openDatabase } from './db/open-warehouse';
import { checkFormatProblems } from './guards/check-format-problems';
import { checkVocabulary } from './guards/check-vocabulary';
import { checkQuarantine } from './guards/check-quarantine';
import { checkVolumeDrop } from './guards/check-volume-drop';
import type { FormatsTried } from './guards/formats-tried';
import { discoverFiles } from './load/discover-files';
import { loadRaw, releaseRawFiles } from './load/load-raw';
import { literal, queryRows } from './load/sql-text';
import { buildModels as realBuildModels, type BuildModelsContext, type RawDatabase } from './models/index';
import type { Warehouse } from './models/model';
import { REFUSED_SUFFIX } from './models/staging/staging-model';
import type { BuildPhase, ProgressListener } from './progress/progress-event';

export type { BuildReport } from './build-report';
export type { ProgressEvent, ProgressListener } from './progress/progress-event';

export interface BuildOptions {
  /** Folders (or single files) of CSV exports. */
  readonly inputs: readonly string[];
  readonly warehousePath: string;
  readonly agreementPath: string;
  readonly onProgress?: ProgressListener;
  /**
   * Publish even when leads, MQLs, SQLs or won amount fall by more than MAX_DROP_SHARE
   * against the warehouse being replaced (`--accept-drop`).
   */
  readonly acceptDrop?: boolean;
  /** What the format guard reports as tried for a column the loader recorded nothing for (typed columns: raw._load_columns). */
  readonly formatsTried?: FormatsTried;
  /** DuckDB settings for the build (defaults: BUILD_SETTINGS; temp_directory beside the file being built). */
  readonly duckdb?: Readonly<Record<string, string>>;
  /** Build sliced models (`Model.slices`) in slices of this many input rows (tests; default: by the memory limit). */
  readonly rowsPerSlice?: number;
  /** Keep this many bits of the person key's hash (tests: a few force collisions; default 63). */
  readonly personKeyBits?: number;
  /** For tests of the build's own behaviour; defaults to the project's models and data tests. */
  readonly steps?: {
    readonly buildModels?: (db: Kysely<RawDatabase>, ctx: BuildModelsContext) => Promise<void>;
    readonly runDataTests?: (db: Kysely<unknown>) => Promise<DataTestResult[]>;
  };
}

/** The data tests failed: the warehouse was not replaced. `results` holds every test. */
export class DataTestsFailedError extends Error {
  readonly results: readonly DataTestResult[];

  constructor(results: readonly DataTestResult[]) {
    const failed = results.filter((r) => !r.passed);
    const lines = failed.map((r) => {
      const sample = r.sample.slice(0, 5).map((row) => `      ${JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v))}`);
      return [`  - ${r.name} on ${r.model}: ${r.failingCount} failing row${r.failingCount === 1 ? '' : 's'}`, ...sample].join('\n');
    });
    super(`${failed.length} of ${results.length} data tests failed; the previous warehouse was left in place.\n${lines.join('\n')}`);
    this.name = 'DataTestsFailedError';
    this.results = results;
  }
}

/**
 * DuckDB settings of the build, chosen for ten million leads on a 2-core, 24 GB machine
 * (`etl/src/load/README.md`, "Memory and disk"):
 * - memory_limit 4 GB (`BUILD_MEMORY_LIMIT`): DuckDB's buffer pool; joins, aggregates and
 *   sorts larger than it spill to temp_directory. The process peaks ~2–2.5 GB above it
 *   (aggregate states outside the pool, the reader's buffers, freed pages jemalloc keeps 30 s).
 *   4 GB rather than 3: less spilled from 1M leads on (paired builds, etl/src/load/README.md).
 * - threads: every core (DuckDB's default, set so it is visible).
 * - preserve_insertion_order true while loading (physical lines come from row order), false
 *   for the models (set in the build after loading): less memory, no order kept for nothing.
 * - allocator_flush_threshold: `db/duckdb-allocator.ts` (with it and the allocator's 30 s
 *   decay the build at 1M leads took 55.8–56.9 s instead of 77–94 s).
 * - write_buffer_row_group_count 1 (DuckDB's default: 5): a thread writing a table into the
 *   file flushes each full row group itself, compressed in parallel, instead of buffering five;
 *   what is still buffered when the insert ends is written on one thread (`EXPLAIN ANALYZE`:
 *   latency above CPU time), which for a mart of under ~1.2M rows on two threads was all of
 *   it. Copying the 1M build's marts into the file (2 threads, two runs each): attribution
 *   (957K rows) 1.34–1.61 → 0.75–0.91 s, leads 2.68–3.13 → 1.51–1.91 s, touchpoints (2.9M)
 *   0.82–1.13 → 0.66–0.91 s. Whole builds: `etl/src/models/README.md`, "Performance".
 * - temp_directory: beside the file being built (`<warehouse>.building-<pid>.tmp`), removed
 *   with it; on the warehouse's disk, which must hold the spill (a few GB at 10M leads).
 */
const BUILD_SETTINGS: Readonly<Record<string, string>> = {
  ...ALLOCATOR_SETTINGS,
  memory_limit: BUILD_MEMORY_LIMIT,
  threads: String(availableParallelism()),
  preserve_insertion_order: 'true',
  write_buffer_row_group_count: '1',
};
/**
 * Run after opening (`set global`: DuckDB ignores it as an option of the instance): the
 * marts are written without FSST, the string compression whose analysis cost most of the
 * time DuckDB spends compressing them. At 1M leads (2026-12-03): writing touchpoints, leads,
 * attribution and stage_events took 7.1 s instead of 9.5; the warehouse is 690 MB instead of
 * 430; the dashboard's queries over the marts (SLA by owner, the leak and breach lists,
 * velocity quantiles, a median over all leads) took the same time within ±1 ms, lists a
 * little less. Dictionary, RLE and bit-packing still apply.
 */
const WRITE_SETTINGS = `set global disabled_compression_methods = 'fsst'`;

export async function buildWarehouse(options: BuildOptions): Promise<BuildReport> {
  const started = performance.now();
  const emit = options.onProgress ?? (() => {});
  const phases: { phase: string; ms: number }[] = [];
  let phaseStart = started;
  let current: BuildPhase | undefined;
  const phase = (next: BuildPhase, detail: string): void => {
    const now = performance.now();
    if (current) phases.push({ phase: current, ms: Math.round(now - phaseStart) });
    current = next;
    phaseStart = now;
    emit({ type: 'phase', phase: next, detail });
  };

  phase('discover', 'reading the agreement and listing input files');
  const agreement = await loadAgreement(options.agreementPath);
  const files = await discoverFiles(options.inputs);
  const warehousePath = resolve(options.warehousePath);
  const tempPath = `${warehousePath}.building-${process.pid}`;
  await mkdir(dirname(warehousePath), { recursive: true });
  await removeStaleBuilds(warehousePath);
  await removeDatabaseFiles(tempPath);

  const settings = { ...BUILD_SETTINGS, temp_directory: `${tempPath}.tmp`, ...options.duckdb };
  const open = await openDatabase<RawDatabase>(tempPath, settings);
  let closed = false;
  try {
    const { db, connection } = open;
    const session = `set enable_progress_bar = true; set enable_progress_bar_print = false; set TimeZone = 'UTC'`;
    await connection.run(`${session}; ${WRITE_SETTINGS}`);

    phase('load', `${files.length} input file${files.length === 1 ? '' : 's'}`);
    const connect = async () => {
      const extra = await open.connect();
      await extra.run(session);
      return extra;
    };
    const reports = await loadRaw(connection, files, { onEvent: emit, connect, sourceTimeZones: agreement.sourceTimeZones, dateOrder: agreement.dateOrder });

    // The loader needs file order kept (physical lines come from row order); the models do
    // not, and DuckDB needs less memory without it. Nothing reads query progress after the
    // load, and DuckDB recomputes it between the tasks of every query while it is enabled
    // (~2 % of the models' CPU at 1M leads, `perf`).
    const modelSession = 'set preserve_insertion_order = false; set enable_progress_bar = false';
    await connection.run(modelSession);
    phase('models', 'staging → intermediate → marts, the data tests beside the marts');
    const buildModels = options.steps?.buildModels ?? realBuildModels;
    // Guards first: a column that does not parse or a file mostly quarantined explains the
    // data tests that would fail after it. The format guard reads the raw records, so it runs
    // as soon as the models are done with them, and they are released (at ten million leads
    // they are ~25 GB of spill the marts would otherwise share the disk with).
    const guarded = !options.steps?.buildModels;
    // The data tests run beside the marts, each after the marts it reads (at 1M leads one
    // connection idles while touchpoints → attribution → campaign_performance run); their
    // results are reported after the guards below, as when they ran last.
    const besideTests = options.steps?.buildModels || options.steps?.runDataTests ? undefined : dataTestRun(db);
    await buildModels(db, {
      agreement,
      afterRaw: async () => {
        if (guarded) await checkFormatProblems(connection, options.formatsTried);
        await releaseRawFiles(connection);
      },
      onModel: (name, layer, slices, ms) => emit({ type: 'model-done', name, layer, ms, ...(slices > 1 ? { slices } : {}) }),
      // Marts built beside each other: a second connection with the same session settings.
      connect: async () => {
        const extra = await connect();
        await extra.run(modelSession);
        const extraDb = new Kysely<Warehouse>({ dialect: duckdbDialect({ connection: extra }) });
        return {
          db: extraDb,
          close: async () => {
            await extraDb.destroy();
            extra.closeSync();
          },
        };
      },
      ...(options.rowsPerSlice ? { rowsPerSlice: options.rowsPerSlice } : {}),
      ...(options.personKeyBits ? { personKeyBits: options.personKeyBits } : {}),
      ...(besideTests ? { beside: besideTests.jobs } : {}),
    });

    phase('checks', 'data test results, quarantine, vocabulary and volume guards');
    const warnings = guarded ? await checkQuarantine(connection, agreement.quarantine) : [];
    if (guarded) warnings.push(...(await checkVocabulary(connection)));
    const runDataTests = options.steps?.runDataTests ?? realRunDataTests;
    const results = besideTests ? besideTests.results() : await runDataTests(db as unknown as Kysely<unknown>);
    for (const result of results) emit({ type: 'data-test-done', result });
    if (results.some((r) => !r.passed)) throw new DataTestsFailedError(results);

    const counts = await countMarts(open.connection);
    if (guarded && !options.acceptDrop) {
      const note = await checkVolumeDrop(connection, warehousePath);
      if (note) warnings.push(note);
    }
    const reconciliation = guarded ? await readReconciliation(connection) : [];
    // Released already unless other models ran (`steps.buildModels`): no view over them is published.
    await releaseRawFiles(connection);

    phase('publish', `replacing ${options.warehousePath}`);
    await connection.run('checkpoint');
    await open.close();
    closed = true;
    await rm(`${tempPath}.wal`, { force: true });
    await rename(tempPath, warehousePath);
    await rm(`${warehousePath}.wal`, { force: true });
    const now = performance.now();
    phases.push({ phase: 'publish', ms: Math.round(now - phaseStart) });
    return { warehousePath: options.warehousePath, files: reports, reconciliation, warnings, counts, dataTests: results, elapsedMs: Math.round(now - started), phases };
  } catch (error) {
    if (!closed) await open.close().catch(() => {});
    await removeDatabaseFiles(tempPath);
    throw error;
  }
}

async function countMarts(connection: Parameters<typeof queryRows>[0]): Promise<BuildReport['counts']> {
  const [leads] = await queryRows<Record<string, number>>(
    connection,
    `select count(*)::bigint as leads, count(mql_at)::bigint as mqls, count(sal_at)::bigint as sals, count(sql_at)::bigint as sqls,
            count(won_at)::bigint as won, count(lost_at)::bigint as lost, count(rejected_at)::bigint as rejected
       from main.leads`,
  );
  const [opps] = await queryRows<{ n: number }>(connection, 'select count(*)::bigint as n from main.opportunities');
  const [rejects] = await queryRows<{ n: number }>(connection, 'select count(*)::bigint as n from raw._load_rejects');
  const [hasRejectedRows] = await queryRows<{ n: number }>(
    connection,
    `select count(*)::bigint as n from duckdb_tables() where database_name = current_database() and schema_name = 'main' and table_name = 'rejected_rows'`,
  );
  const [quarantined] = hasRejectedRows?.n
    ? await queryRows<{ n: number; refused: number }>(
        connection,
        `select count(*) filter (where not ends_with(reason, ${literal(REFUSED_SUFFIX)}))::bigint as n,
                count(*) filter (where ends_with(reason, ${literal(REFUSED_SUFFIX)}))::bigint as refused from main.rejected_rows`,
      )
    : [{ n: rejects?.n ?? 0, refused: 0 }];
  const n = (value: number | undefined): number => value ?? 0;
  return {
    leads: n(leads?.['leads']),
    mqls: n(leads?.['mqls']),
    sals: n(leads?.['sals']),
    sqls: n(leads?.['sqls']),
    won: n(leads?.['won']),
    lost: n(leads?.['lost']),
    rejected: n(leads?.['rejected']),
    opportunities: n(opps?.n),
    quarantined: n(quarantined?.n),
    valuesRefused: n(quarantined?.refused),
    unparsable: n(rejects?.n),
  };
}

async function readReconciliation(connection: Parameters<typeof queryRows>[0]): Promise<FileReconciliation[]> {
  const rows = await queryRows<{ file: string; rows_read: number; rows_loaded: number; rows_quarantined: number; rows_collapsed: number; values_refused: number }>(
    connection,
    'select file, rows_read, rows_loaded, rows_quarantined, rows_collapsed, values_refused from main.file_reconciliation order by file',
  );
  return rows.map((r) => ({ file: r.file, read: r.rows_read, loaded: r.rows_loaded, quarantined: r.rows_quarantined, collapsed: r.rows_collapsed, refused: r.values_refused }));
}

async function removeDatabaseFiles(path: string): Promise<void> {
  await rm(path, { force: true });
  await rm(`${path}.wal`, { force: true });
  await rm(`${path}.tmp`, { force: true, recursive: true });
}

/** Temp files of builds whose process is gone (killed midway). */
async function removeStaleBuilds(warehousePath: string): Promise<void> {
  const prefix = `${basename(warehousePath)}.building-`;
  let names: string[];
  try {
    names = await readdir(dirname(warehousePath));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number.parseInt(name.slice(prefix.length), 10);
    if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) continue;
    await rm(join(dirname(warehousePath), name), { force: true, recursive: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}
