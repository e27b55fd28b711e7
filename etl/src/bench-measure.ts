/**
 * One measurement of the ETL bench, in a process of its own (`benchEtl` starts one per
 * measurement): the build, or DuckDB's read_csv reference. Prints its result as one marked
 * JSON line. In one process the build ran after the two references and inherited their
 * allocator state (jemalloc keeps freed pages 30 s) and memory; at 1M leads its models phase
 * measured 42–46 s there against 36–40 s in `buildWarehouse` runs alone (2026-12-04, a noisy
 * VM: not a clean comparison). A process each starts every measurement from the same state,
 * and the build's peak RSS is its own.
 *
 * Usage: bench-measure.ts read-csv <width> <database> <file>… | build <exports> <warehouse> <agreement>
 */
// First: DuckDB's allocator reads its settings when DuckDB's library loads.
import './db/duckdb-allocator';
import { DuckDBInstance } from '@duckdb/node-api';
import { buildWarehouse, type ProgressEvent } from './build';
import { MEASUREMENT_MARKER, type BenchMeasurement, type ModelTime } from './bench';
import { BUILD_MEMORY_LIMIT } from './db/build-memory';
import { ALLOCATOR_SETTINGS } from './db/duckdb-allocator';
import { literal } from './load/sql-text';

/**
 * DuckDB alone: `create table … as select * from read_csv(…)` per file, `width` files at a time,
 * then a checkpoint. With the build's allocator settings (`db/duckdb-allocator.ts`) and memory
 * limit: the reference gets whatever they gain it, so the ratio measures the build's work alone.
 */
async function readCsvInto(path: string, files: readonly string[], width: number): Promise<void> {
  const instance = await DuckDBInstance.create(path, { ...ALLOCATOR_SETTINGS, memory_limit: BUILD_MEMORY_LIMIT });
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

async function measure(args: readonly string[]): Promise<BenchMeasurement> {
  const [kind, ...rest] = args;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const done = (extra: Partial<BenchMeasurement> = {}): BenchMeasurement => {
    const { user, system } = process.cpuUsage(cpu);
    return { ms: Math.round(performance.now() - started), cpuMs: Math.round((user + system) / 1000), peakRssBytes: process.resourceUsage().maxRSS * 1024, ...extra };
  };
  if (kind === 'read-csv') {
    const [width, database, ...files] = rest;
    await readCsvInto(database!, files, Number(width));
    return done();
  }
  if (kind === 'build') {
    const [exportsDir, warehousePath, agreementPath] = rest;
    // Each model's own time (marts built two at a time overlap), else from the previous model's end.
    const models: ModelTime[] = [];
    let since = started;
    const onProgress = (event: ProgressEvent): void => {
      const now = performance.now();
      if (event.type === 'phase') since = now;
      if (event.type !== 'model-done') return;
      const model = { name: event.name, layer: event.layer, ms: event.ms ?? Math.round(now - since) };
      models.push(event.ms === undefined ? model : { ...model, endMs: Math.round(now - started) });
      since = now;
    };
    const report = await buildWarehouse({ inputs: [exportsDir!], warehousePath: warehousePath!, agreementPath: agreementPath!, onProgress });
    return done({ models, report });
  }
  throw new Error(`Unknown measurement "${kind ?? ''}": give read-csv <width> <database> <file>… or build <exports> <warehouse> <agreement>.`);
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const result = await measure(process.argv.slice(2));
  process.stdout.write(`\n${MEASUREMENT_MARKER}${JSON.stringify(result, (_key, value: unknown) => (typeof value === 'bigint' ? Number(value) : value))}\n`);
}
