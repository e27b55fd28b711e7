/**
 * npm run serve -- [--warehouse <file.duckdb>] [--port N] [--web <dist folder> | --no-web] [--model <dir>] [--production] [--verbose]
 * Thin shell over startServer (server/src/start-server.ts).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureWebBuild } from '../scripts/lib/ensure-web-build';
import { webDist as projectWebDist } from '../scripts/lib/paths';
import { handleStopSignals } from './src/stop-signals';
import { WarehouseNotFoundError } from './src/errors';
import { describeModelStatus } from './src/model-status';
import { clusterRole, runClusterPrimary } from './src/serve-cluster';
import { startServer } from './src/start-server';

const USAGE = `Usage: npm run serve -- [--warehouse <file.duckdb>] [--port N] [--web <folder> | --no-web] [--production] [--verbose]

  --warehouse <file>  DuckDB warehouse built by \`npm run etl\` (default: data/warehouse.duckdb)
  --port <N>          port for the REST API and the dashboard (default: 4000; 0 = any free port)
  --web <folder>      serve the built dashboard from this folder (default: web/dist, built
                      first when it is missing or older than web/src)
  --no-web            serve the REST API only
  --model <dir>       the Cube model folder (default: model/); edits are served on the next request
  --production        require a JWT signed with CUBEJS_API_SECRET on every request
                      (also on when NODE_ENV=production)
  --no-pre-aggregations
                      answer every query from the marts (for benchmarks; also
                      CLOSEDLOOP_PRE_AGGREGATIONS=off)
  --workers <N>       N API processes on the port (one per core serves the most requests).
                      Postgres: plus one refresh worker, rollups stored in Postgres, built
                      once. DuckDB file: each process refreshes its own rollups, in memory
  --verbose           print the stack of an error, not just its message

Serving from Postgres (after npm run publish): CUBEJS_DB_TYPE=postgres and CUBEJS_DB_HOST,
CUBEJS_DB_PORT, CUBEJS_DB_NAME, CUBEJS_DB_USER, CUBEJS_DB_PASS; --warehouse is not used.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      warehouse: { type: 'string', default: 'data/warehouse.duckdb' },
      port: { type: 'string', default: '4000' },
      web: { type: 'string' },
      'no-web': { type: 'boolean', default: false },
      model: { type: 'string' },
      production: { type: 'boolean', default: false },
      'no-pre-aggregations': { type: 'boolean', default: false },
      workers: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a whole number from 0 to 65535, not "${values.port}".`);
  if (values.web && values['no-web']) throw new Error('Give either --web <folder> or --no-web, not both.');
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 1)) throw new Error(`--workers must be a whole number of at least 1, not "${values.workers}".`);
  const role = clusterRole();
  // Read before the dashboard build (Vite sets NODE_ENV while it builds; ensureWebBuild puts it back).
  const production = values.production || process.env.NODE_ENV === 'production';
  const webDist = values['no-web'] || role === 'refresh' ? undefined : resolve(values.web ?? projectWebDist);
  // Before the dashboard build below (a Vite build of several seconds): a missing file is the likeliest mistake.
  const onPostgres = process.env.CUBEJS_DB_TYPE === 'postgres';
  if (role === undefined && !onPostgres && !existsSync(values.warehouse)) throw new WarehouseNotFoundError(values.warehouse);
  // Only the project's own dashboard is built here (by a cluster's primary, once); a folder passed with --web is served as it is.
  if (webDist === projectWebDist && role === undefined) await ensureWebBuild();
  if (workers !== undefined && role === undefined) {
    await runClusterPrimary({ workers });
    return;
  }
  const server = await startServer({
    warehousePath: values.warehouse,
    // The refresh worker serves no clients: any free local port.
    port: role === 'refresh' ? 0 : port,
    ...(role === 'refresh' ? { host: '127.0.0.1' } : {}),
    webDist,
    production,
    ...(values.model ? { modelPath: values.model } : {}),
    ...(values['no-pre-aggregations'] ? { preAggregations: false } : {}),
  });
  handleStopSignals(() => server.close());
  const status = describeModelStatus(await server.modelStatus());
  if (status) console.error(status);
  const from = onPostgres ? 'the warehouse published to Postgres' : `warehouse ${values.warehouse}`;
  if (role === 'refresh') {
    console.log(`Closedloop refresh worker ${process.pid}: building pre-aggregations in Postgres`);
    return;
  }
  console.log(`Closedloop Cube API${role ? ` process ${process.pid}` : ''}: ${server.url}/cubejs-api/v1 (${from})`);
  if (webDist) console.log(`Dashboard: ${server.url}/`);
  console.log(status ? 'Serving, but the model does not compile: fix the file above (it is picked up without a restart).' : 'Press Ctrl-C to stop.');
}

main().catch((error: unknown) => {
  const verbose = process.argv.includes('--verbose');
  console.error(error instanceof Error ? (verbose ? error.stack : error.message) : String(error));
  process.exitCode = 1;
  // A cluster process stays alive on its channel to the primary: leave, so that the primary sees it.
  if (clusterRole()) process.exit(1);
});
