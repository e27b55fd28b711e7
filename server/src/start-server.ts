/**
 * Runs Cube in-process over the warehouse (a DuckDB file, or the marts published to Postgres)
 * and serves, from one origin, Cube's REST API
 * at /cubejs-api/v1 (load, meta, sql, dry-run) and, optionally, the built dashboard.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CreateOptions, CubejsServerCore as CubeCore } from '@cubejs-backend/server-core';
import type * as ServerCoreModule from '@cubejs-backend/server-core';
import { createCheckAuth } from './auth';
import { MissingApiSecretError, PortInUseError } from './errors';
import { applyNativeFallback } from './native-fallback/apply';
import type { NativeFallbackStatus } from './native-fallback/apply';
import { modelRepository, preAggregationsFromEnv } from './model-repository';
import { createModelStatusEndpoint, STATUS_PATH, type ModelStatusEndpoint } from './model-status-endpoint';
import type { ModelStatus } from './model-status';
import { queryShapeGuard } from './query-shape';
import { createStaticHandler } from './static-files';
import { WarehouseQuery } from './warehouse/warehouse-query';
import { RETIRED } from './warehouse/warehouse-driver';
import { openWarehouseSource } from './warehouse/warehouse-source';
import type { WarehouseSource } from './warehouse/warehouse-source';
import { WarehousePostgresQuery } from './warehouse/postgres-query';
import { checkPostgresWarehouse, describePostgres, postgresDriver, postgresFromEnv } from './warehouse/postgres-warehouse';
import type { PostgresWarehouseOptions } from './warehouse/postgres-warehouse';

export interface StartServerOptions {
  /** The DuckDB warehouse file built by the ETL (not used when serving from Postgres). */
  readonly warehousePath?: string;
  /**
   * Serve the marts `npm run publish` put in Postgres instead of a DuckDB file. Default: on
   * when CUBEJS_DB_TYPE=postgres, with Cube's CUBEJS_DB_* connection variables.
   */
  readonly postgres?: PostgresWarehouseOptions;
  /**
   * Run Cube's refresh worker (builds pre-aggregations) in this process. Default: on, unless
   * CUBEJS_REFRESH_WORKER=false (the API processes of a cluster, see serve-cluster.ts).
   */
  readonly refreshWorker?: boolean;
  /** 0 picks a free port. */
  readonly port: number;
  /** The Cube model folder. Default: cube.js's schemaPath (model/). Edits are served on the next request. */
  readonly modelPath?: string;
  /** Folder of the built dashboard, served with SPA fallback to index.html. */
  readonly webDist?: string;
  /** Require a JWT on every request. Default: NODE_ENV === 'production'. */
  readonly production?: boolean;
  /** Secret JWTs are signed with. Default: CUBEJS_API_SECRET. */
  readonly apiSecret?: string;
  /** Interface to listen on. Default: all. */
  readonly host?: string;
  /** Seconds between refresh-worker runs (pre-aggregations). Default 10. */
  readonly refreshIntervalSeconds?: number;
  /** How long a replaced warehouse build stays open for requests already using it (ms). Default 30000. */
  readonly retireAfterMs?: number;
  /** Serve Cube's Playground (its dev server, from @cubejs-backend/server-core) at `/`; for `npm run dev`. */
  readonly playground?: boolean;
  /** Use the model's pre-aggregations (default: on unless CLOSEDLOOP_PRE_AGGREGATIONS=off). */
  readonly preAggregations?: boolean;
  /** Where server messages go. Default: console.error. */
  readonly log?: (message: string) => void;
  /** Every log event of Cube itself (e.g. "Refresh Scheduler Run"), for diagnostics and tests. */
  readonly onCubeLog?: (message: string, params: Record<string, unknown>) => void;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly nativeFallback: NativeFallbackStatus;
  /** The warehouse build being served (1, 2, ...), checking the file for a new one first. */
  warehouseGeneration(): Promise<number>;
  /** Whether the model (as it is on disk now) compiles, with every problem's file and line. */
  modelStatus(): Promise<ModelStatus>;
  close(): Promise<void>;
}

type CubeConfig = Partial<CreateOptions> & { schemaPath?: string };
type ExpressApp = RequestListener & { use(...handlers: unknown[]): void };

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

/** Settings Cube needs on this machine; see CUBE_RUNTIME.md. */
function configureCubeEnvironment(dbType: 'duckdb' | 'postgres'): void {
  process.env.CUBEJS_DEV_MODE = 'false';
  process.env.CUBEJS_CACHE_AND_QUEUE_DRIVER = 'memory';
  process.env.CUBEJS_TESSERACT_SQL_PLANNER ??= 'false';
  process.env.CUBEJS_DB_TYPE = dbType;
  process.env.CUBEJS_EXTERNAL_DEFAULT = 'false';
  // After each rollup build Cube drops the tables of the schema no request has used or touched
  // yet. With the default (true) that includes a table another rollup's build has just created
  // and not yet registered as used: on a build with no rollups yet, where every rollup builds at
  // once, a request then failed with "Pre-aggregation table is not found … after it was
  // successfully created" (test/cube/pre-aggregation-race.test.ts). With false Cube also keeps
  // the newest table of every rollup, which is the table such a request looks up.
  process.env.CUBEJS_DROP_PRE_AGG_WITHOUT_TOUCH ??= 'false';
  delete process.env.CUBEJS_SQL_PORT;
  delete process.env.CUBEJS_PG_SQL_PORT;
}

async function loadCubeConfig(): Promise<CubeConfig> {
  const module = (await import(pathToFileURL(resolve(projectRoot, 'cube.js')).href)) as { default?: CubeConfig };
  return module.default ?? {};
}

const QUIET_MESSAGES = new Set(['UserError', 'Orchestrator error', 'Forbidden', 'Continue wait']);

function createLogger(
  log: (message: string) => void,
  onCubeLog: StartServerOptions['onCubeLog'],
): (msg: string, params?: Record<string, unknown>) => void {
  return (msg, params) => {
    onCubeLog?.(msg, params ?? {});
    const error = params?.error;
    if (!error || QUIET_MESSAGES.has(msg) || QUIET_MESSAGES.has(String(params?.type))) return;
    if (msg.startsWith("Authorization header isn't set") || msg.startsWith('Invalid token')) return;
    // A refresh run still on a replaced warehouse build (see RETIRED); a request gets it as its answer.
    if (String(typeof error === 'string' ? error : (error as { message?: unknown }).message ?? '').includes(RETIRED)) return;
    // A model that does not compile is reported once, with file and line (model-status-endpoint),
    // not with a stack on every request and refresh run.
    if (String(typeof error === 'string' ? error : (error as { message?: unknown }).message ?? '').includes('Compile errors:')) return;
    log(`[cube] ${msg}: ${typeof error === 'string' ? error : JSON.stringify(error)}`);
  };
}

function listen(server: Server, port: number, host: string | undefined): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port) : error);
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolvePort((server.address() as AddressInfo).port);
    });
  });
}

/** Answers a body that is not valid JSON the way Cube answers bad input: 400 with a message. */
function jsonErrorHandler(error: { status?: number; type?: string; message?: string }, _req: IncomingMessage, res: ServerResponse, next: (e?: unknown) => void): void {
  if (error.type === 'entity.parse.failed' || error.status === 400) {
    res.statusCode = 400;
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ error: `Unable to decode the request body as JSON, error: ${error.message ?? 'invalid JSON'}` }));
    return;
  }
  next(error);
}

const generationKey = Symbol.for('closedloop.warehouseGeneration');
type GenerationContext = { [generationKey]?: number };

/** Cube's driver and orchestrator per DuckDB warehouse build (a rebuild swaps the file). */
function duckdbOrchestration(source: WarehouseSource, instanceId: string): Partial<CreateOptions> {
  return {
    contextToOrchestratorId: (context) => {
      // A request (or refresh run) stays on the build it started on: Cube asks for the
      // orchestrator several times per request, and pre-aggregation tables found on one
      // build's driver do not exist on the next one's.
      const pinned = (context as GenerationContext)[generationKey];
      const driver = pinned === undefined ? source.current() : source.driverFor(pinned);
      (context as GenerationContext)[generationKey] = driver.generation;
      return `warehouse_${instanceId}_${driver.generation}`;
    },
    driverFactory: (context) => source.driverFor((context as GenerationContext)[generationKey]),
  };
}

/** Without a dashboard, `/` says what this is (not Cube's "server is running" placeholder). */
function answerRootWithoutDashboard(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== 'GET' || new URL(req.url ?? '/', 'http://localhost').pathname !== '/') return false;
  res.statusCode = 200;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.end(
    '<!doctype html><title>Closedloop API</title><h1>Closedloop API</h1>' +
      '<p>This server answers the REST API at <code>/cubejs-api/v1</code> (<code>load</code>, <code>meta</code>, <code>sql</code>) ' +
      `and the model status at <code>${STATUS_PATH}</code>. It was started without the dashboard (<code>--no-web</code>): ` +
      'run <code>npm run serve</code> without it to serve the dashboard here too.</p>',
  );
  return true;
}

/** The `requestId` of the compile a server runs before it listens (Cube logs it). */
export const STARTUP_COMPILE_REQUEST_ID = 'closedloop-startup-compile';

/**
 * Compiles the model before the server listens, so that its first request is answered as
 * fast as the next ones (in a `--workers` cluster, each process compiled on its first request,
 * both at once: the first page took ~8 s). A model that does not compile is not an error
 * here: the status endpoint reports it, and each request tries again (an analyst's fix is
 * picked up without a restart).
 */
async function compileModel(core: CubeCore): Promise<void> {
  const context = { securityContext: {}, authInfo: {}, requestId: STARTUP_COMPILE_REQUEST_ID };
  try {
    const compilerApi = await core.getCompilerApi(context as Parameters<CubeCore['getCompilerApi']>[0]);
    await compilerApi.getCompilers({ requestId: STARTUP_COMPILE_REQUEST_ID });
  } catch {
    // Reported by the model status endpoint and by the requests that need the model.
  }
}

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const log = options.log ?? ((message: string) => console.error(message));
  const production = options.production ?? process.env.NODE_ENV === 'production';
  const configuredSecret = options.apiSecret ?? process.env.CUBEJS_API_SECRET;
  if (production && !configuredSecret) throw new MissingApiSecretError();
  const apiSecret = configuredSecret ?? randomBytes(24).toString('hex');

  const postgres = options.postgres ?? postgresFromEnv();
  configureCubeEnvironment(postgres ? 'postgres' : 'duckdb');
  const nativeFallback = applyNativeFallback();
  let source: WarehouseSource | undefined;
  if (postgres) {
    await checkPostgresWarehouse(postgres);
    log(`[closedloop] serving the warehouse published to ${describePostgres(postgres)}`);
  } else {
    const warehousePath = resolve(options.warehousePath ?? 'data/warehouse.duckdb');
    source = await openWarehouseSource(warehousePath, {
      retireAfterMs: options.retireAfterMs,
      onSwitch: (generation) => log(`[closedloop] serving warehouse build ${generation} of ${warehousePath}`),
      onSwitchError: (error) => log(`[closedloop] new warehouse build not served yet: ${error.message}`),
    });
  }
  const refreshWorker = options.refreshWorker ?? process.env.CUBEJS_REFRESH_WORKER !== 'false';

  let core: CubeCore | undefined;
  let server: Server | undefined;
  let status: ModelStatusEndpoint | undefined;
  try {
    const { CubejsServerCore } = require('@cubejs-backend/server-core') as typeof ServerCoreModule;
    const cubeConfig = await loadCubeConfig();
    // Cube's in-memory cache is shared by every server in the process: keep ours apart.
    const instanceId = randomBytes(4).toString('hex');
    const schemaPath = relative(process.cwd(), resolve(projectRoot, options.modelPath ?? cubeConfig.schemaPath ?? 'model')) || '.';
    const modelStatus = createModelStatusEndpoint(schemaPath, { production, apiSecret, log });
    status = modelStatus;
    const preAggregations = options.preAggregations ?? preAggregationsFromEnv();
    // One driver per process over Postgres: the published schema's name never changes (a
    // publish swaps schemas under it), and refresh keys notice a new build.
    const pgDriver = postgres ? postgresDriver(postgres) : undefined;
    core = new CubejsServerCore({
      ...cubeConfig,
      schemaPath,
      repositoryFactory: () => modelRepository(schemaPath, { preAggregations }),
      // Recompile when a model file changes: an analyst's edit is served on the next request.
      schemaVersion: () => modelStatus.signature(),
      // Cube calls this for the query class (its own default returns DuckDBDriver.dialectClass());
      // the published type says an instance, hence the cast.
      dialectFactory: (() => (pgDriver ? WarehousePostgresQuery : WarehouseQuery)) as unknown as CreateOptions['dialectFactory'],
      apiSecret,
      devServer: options.playground === true && !production,
      telemetry: false,
      cacheAndQueueDriver: 'memory',
      scheduledRefreshTimer: refreshWorker ? options.refreshIntervalSeconds ?? 10 : false,
      logger: createLogger(log, options.onCubeLog),
      checkAuth: createCheckAuth({ production, apiSecret }),
      ...(source ? duckdbOrchestration(source, instanceId) : {
        contextToOrchestratorId: () => `postgres_${instanceId}`,
        driverFactory: () => pgDriver as NonNullable<typeof pgDriver>,
      }),
    });

    const express = require('express') as () => ExpressApp;
    const cors = require('cors') as (options?: unknown) => unknown;
    const bodyParser = require('body-parser') as { json(options: unknown): unknown };
    const app = express();
    app.use(cors({ allowedHeaders: 'authorization,content-type,x-request-id' }));
    app.use(bodyParser.json({ limit: '1mb' }));
    app.use(jsonErrorHandler);
    app.use(queryShapeGuard);
    await core.initApp(app);

    await compileModel(core);

    const serveStatic = options.webDist ? createStaticHandler(options.webDist) : undefined;
    server = createServer((req, res) => {
      if (modelStatus.handle(req, res)) return;
      if (serveStatic?.(req, res)) return;
      if (!serveStatic && !options.playground && answerRootWithoutDashboard(req, res)) return;
      app(req, res);
    });
    const port = await listen(server, options.port, options.host);
    const url = `http://localhost:${port}`;
    const running = server;
    const runningCore = core;
    return {
      url,
      port,
      nativeFallback,
      modelStatus: () => modelStatus.current(),
      async warehouseGeneration() {
        if (!source) return 1;
        await source.settled();
        return source.current().generation;
      },
      async close() {
        await new Promise<void>((done) => {
          running.close(() => done());
          running.closeAllConnections();
        });
        modelStatus.close();
        await runningCore.beforeShutdown();
        await runningCore.shutdown();
        await source?.close();
        await pgDriver?.release();
      },
    };
  } catch (error) {
    status?.close();
    server?.close();
    if (core) {
      await core.beforeShutdown().catch(() => undefined);
      await core.shutdown().catch(() => undefined);
    }
    await source?.close();
    throw error;
  }
}
