/**
 * `npm start`: build the warehouse from seeds/ if it is missing or stale, build the
 * dashboard if needed, then serve both on http://localhost:4000 (PORT overrides).
 */
// First: DuckDB's allocator reads its settings when DuckDB's library loads.
import '../etl/src/db/duckdb-allocator';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { buildWarehouse } from '../etl/src/build';
import { createProgressRenderer } from '../etl/src/progress/render-progress';
import { WAREHOUSE_SCHEMA_VERSION } from '../etl/src/schema-version';
import { describeModelStatus } from '../server/src/model-status';
import { startServer } from '../server/src/start-server';
import { handleStopSignals } from '../server/src/stop-signals';
import { ensureWebBuild } from './lib/ensure-web-build';
import { builtFromSamples, isStale, warehouseStamp } from './lib/freshness';
import { defaultAgreement, defaultWarehouse, seedsDirs, webDist } from './lib/paths';

async function main(): Promise<void> {
  // Read before anything else runs (ensureWebBuild restores NODE_ENV after Vite sets it).
  const production = process.env.NODE_ENV === 'production';
  const warehousePath = process.env.CLOSEDLOOP_WAREHOUSE ?? defaultWarehouse;
  const port = parsePort(process.env.PORT ?? '4000');

  // The sample warehouse is rebuilt when missing, older than the seeds, or from another ETL
  // version. A warehouse built from anything else is someone's own data and is never replaced
  // by the samples (the server says when it needs rebuilding from its exports).
  const stamp = existsSync(warehousePath) ? await warehouseStamp(warehousePath) : null;
  const own = existsSync(warehousePath) && !(stamp && builtFromSamples(stamp));
  const stale = !own && (stamp === null || stamp.schemaVersion !== WAREHOUSE_SCHEMA_VERSION || (await isStale(warehousePath, [...seedsDirs, defaultAgreement])));
  if (stale) {
    if (stamp && stamp.schemaVersion !== WAREHOUSE_SCHEMA_VERSION) console.log(`${warehousePath} was built by another version of the ETL (warehouse schema ${stamp.schemaVersion}); rebuilding it.`);
    console.log(`Building ${warehousePath} from the sample exports in seeds/…`);
    await mkdir(dirname(warehousePath), { recursive: true });
    const progress = createProgressRenderer(process.stderr);
    const report = await buildWarehouse({
      inputs: seedsDirs,
      warehousePath,
      agreementPath: defaultAgreement,
      // Only a sample warehouse is rebuilt here: fewer leads means the samples changed, not a lost export.
      acceptDrop: true,
      onProgress: progress.onProgress,
    });
    progress.finish(report);
  }

  await ensureWebBuild();
  const server = await startServer({ warehousePath, port, webDist, production });
  handleStopSignals(() => server.close());
  // Say "running" only when the model compiles; otherwise where it does not (the dashboard says so too).
  const modelProblems = describeModelStatus(await server.modelStatus());
  if (modelProblems) console.error(`\n${modelProblems}`);
  console.log(
    modelProblems
      ? `\nClosedloop is serving ${server.url}, but the model does not compile: fix the file above (picked up without a restart).\nPress Ctrl-C to stop.`
      : `\nClosedloop is running: ${server.url}\nPress Ctrl-C to stop.`,
  );
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`PORT must be a whole number between 1 and 65535; got "${value}".`);
  }
  return port;
}

main().catch((error: unknown) => {
  console.error(`\nCould not start Closedloop: ${error instanceof Error ? error.message : String(error)}`);
  if (process.argv.includes('--verbose') && error instanceof Error) console.error(error.stack);
  process.exitCode = 1;
});
