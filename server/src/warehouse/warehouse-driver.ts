/**
 * Cube's DuckDB driver over one build of the warehouse, opened read-only.
 *
 * DuckDB allows one writer, so Cube never opens the warehouse for writing: each driver is an
 * in-memory DuckDB database with the warehouse file ATTACHed READ_ONLY as `warehouse`, and a
 * search path of `memory.main, warehouse.main`. Unqualified mart names (`leads`) resolve to
 * the warehouse; pre-aggregation tables (`external: false`) are created in memory. The open
 * file handle pins the build it was opened on, so renaming a new build over the path does not
 * disturb queries already running on this driver. Queries run on a small pool of connections
 * (the base driver has one, which serialises Cube's concurrent queries). In-flight queries are
 * counted so that a retired driver is closed only when idle.
 */
import { DuckDBDriver } from '@cubejs-backend/duckdb-driver';
import { buildTransform, convertDuckDBParams, transformChunk } from '@cubejs-backend/duckdb-driver/dist/src/Transform.js';
import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import { literal } from '../../../etl/src/load/sql-text';
import { MART_TABLES } from '../../../etl/src/mart-tables';
import { WAREHOUSE_SCHEMA_VERSION, readSchemaVersion } from '../../../etl/src/schema-version';
import { WarehouseInvalidError, WarehouseLockedError } from '../errors';

export { MART_TABLES };

const SEARCH_PATH = "'memory.main,warehouse.main'";
/**
 * Every connection's settings. The marts hold UTC wall-clock TIMESTAMPs; DuckDB's TimeZone
 * defaults to the machine's zone, and Cube's SQL casts columns to TIMESTAMPTZ (read in that
 * zone), so on a machine set to, say, Asia/Bangkok every date came back 7 hours early.
 */
const CONNECTION_SETUP = `SET search_path = ${SEARCH_PATH}; SET TimeZone = 'UTC'`;
/** Connections queries run on in parallel (DuckDB also parallelises inside each query). */
const POOL_SIZE = 4;
/** Catalog changes (pre-aggregation builds) on parallel connections conflict in DuckDB: one at a time. */
const DDL = /^\s*(CREATE|DROP|ALTER)\b/i;

/**
 * What a query on a retired build's driver fails with. A request pinned to it is told to retry;
 * a refresh-worker run that started on the old build and outlives it (a long run on a busy
 * machine) fails its remaining steps the same way, harmlessly: the next run builds on the new
 * build. The server does not log these (start-server.ts).
 */
export const RETIRED = 'was retired; retry the request.';

/** Turns DuckDB's open/attach errors into errors that say what to do. */
export function explainOpenError(warehousePath: string, error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  // DuckDB: 'Could not set lock on file "…": Conflicting lock is held in …'. Not /lock/ alone:
  // a damaged file's errors talk about "block"s.
  if (/could not set lock|conflicting lock/i.test(message)) return new WarehouseLockedError(warehousePath, message);
  if (/not a valid DuckDB database|invalid.*database file|Unable to open|No such file/i.test(message)) {
    return new WarehouseInvalidError(warehousePath, `it is not a readable DuckDB database (${message}).`);
  }
  if (/corrupt|checksum|block|serializ|deserializ|INTERNAL Error|Could not read/i.test(message)) {
    return new WarehouseInvalidError(
      warehousePath,
      `the file is damaged (${message}). Rebuild it with \`npm run etl\` (the ETL writes a new file and swaps it in), or restore it from a backup.`,
    );
  }
  return new WarehouseInvalidError(warehousePath, message);
}

export class WarehouseDriver extends DuckDBDriver {
  private inflight = 0;
  private idleWaiters: (() => void)[] = [];
  private closed = false;
  private instance: DuckDBInstance | undefined;
  private readonly idle: DuckDBConnection[] = [];
  private readonly all: DuckDBConnection[] = [];
  private connecting = 0;
  private ddlQueue: Promise<unknown> = Promise.resolve();
  private readonly connectionWaiters: ((connection: DuckDBConnection) => void)[] = [];
  private readonly stampedSeconds = new Set<number>();
  private readonly schemas = new Map<string, Promise<void>>();

  constructor(readonly warehousePath: string, readonly generation: number) {
    super({});
  }

  protected override async init(): Promise<{ defaultConnection: DuckDBConnection; instance: DuckDBInstance }> {
    if (this.closed) throw new Error(`Warehouse build ${this.generation} ${RETIRED}`);
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      await connection.run(`ATTACH ${literal(this.warehousePath)} AS warehouse (READ_ONLY)`);
      await connection.run(CONNECTION_SETUP);
      const reader = await connection.runAndReadAll(
        "SELECT table_name FROM information_schema.tables WHERE table_catalog = 'warehouse' AND table_schema = 'main'",
      );
      const present = new Set(reader.getRows().map((row) => String(row[0])));
      const missing = MART_TABLES.filter((table) => !present.has(table));
      if (missing.length > 0) {
        throw new WarehouseInvalidError(
          this.warehousePath,
          `it has no ${missing.join(', ')} table${missing.length > 1 ? 's' : ''}. Is it a Closedloop warehouse built by \`npm run etl\`?`,
        );
      }
      const version = (await readSchemaVersion(connection, 'warehouse')) ?? 1;
      if (version !== WAREHOUSE_SCHEMA_VERSION) {
        throw new WarehouseInvalidError(
          this.warehousePath,
          `it was built by ${version < WAREHOUSE_SCHEMA_VERSION ? 'an older' : 'a newer'} Closedloop ETL (warehouse schema ${version}; this server reads schema ${WAREHOUSE_SCHEMA_VERSION}). ` +
            'Rebuild it from your exports: npm run etl -- --input <exports folder> --warehouse <this file> (npm start rebuilds the sample warehouse by itself).',
        );
      }
    } catch (error) {
      connection.closeSync();
      instance.closeSync();
      throw error instanceof WarehouseInvalidError ? error : explainOpenError(this.warehousePath, error);
    }
    // Connections opened later (the pool, the base driver's streaming) get the same settings.
    const connect = async (): Promise<DuckDBConnection> => {
      const extra = await instance.connect();
      await extra.run(CONNECTION_SETUP);
      return extra;
    };
    const scoped = Object.assign(Object.create(instance) as DuckDBInstance, { connect });
    this.instance = scoped;
    this.idle.push(connection);
    this.all.push(connection);
    return { defaultConnection: connection, instance: scoped };
  }

  /** Opens the build now, so that errors surface before the driver is handed to Cube. */
  async open(): Promise<void> {
    await this.getInitiatedState();
  }

  private async track<T>(work: () => Promise<T>): Promise<T> {
    this.inflight += 1;
    try {
      return await work();
    } finally {
      this.inflight -= 1;
      if (this.inflight === 0) {
        const waiters = this.idleWaiters;
        this.idleWaiters = [];
        for (const resolve of waiters) resolve();
      }
    }
  }

  private async acquire(): Promise<DuckDBConnection> {
    await this.getInitiatedState();
    const free = this.idle.pop();
    if (free) return free;
    if (this.all.length + this.connecting < POOL_SIZE && this.instance) {
      this.connecting += 1;
      try {
        const connection = await this.instance.connect();
        this.all.push(connection);
        return connection;
      } finally {
        this.connecting -= 1;
      }
    }
    return new Promise((resolve) => this.connectionWaiters.push(resolve));
  }

  private giveBack(connection: DuckDBConnection): void {
    const waiter = this.connectionWaiters.shift();
    if (waiter) waiter(connection);
    else this.idle.push(connection);
  }

  /**
   * The time Cube stamps a new pre-aggregation table with: its name ends in it, to the second.
   * Each call gets a second of its own (now, or the latest earlier second not handed out yet),
   * so two builds of the same rollup never target the same table.
   *
   * Two builders race on a build with no rollups yet (a fresh server, or a switch to a new
   * warehouse build): the refresh worker and a request, or two requests, both find no table,
   * and the second enqueues its build just after the first one's has finished and left Cube's
   * queue, so the queue does not merge them. Stamped in the same second, both targeted the same
   * table: the second failed with "Table with name … already exists", and that error reached the
   * client; made a no-op with IF NOT EXISTS, the first builder's waiters failed instead, with
   * "Pre-aggregation table is not found … after it was successfully created", because Cube hides
   * from them a table whose name is still in its queue. With a second of its own, the late build
   * writes a table of the same contents under another name, each waiter finds a table, and Cube
   * drops the spare one once no request uses it. Earlier seconds rather than later ones: a
   * table's `lastUpdatedAt` is never in the future.
   */
  override nowTimestamp(): number {
    let second = Math.floor(Date.now() / 1000);
    while (this.stampedSeconds.has(second)) second -= 1;
    this.stampedSeconds.add(second);
    return second * 1000;
  }

  /**
   * Cube asks for the pre-aggregation schema before each build on a build with no rollups yet;
   * the CREATE SCHEMA of each of them waited in line behind the running builds, which widened
   * the race above to the length of that line. The schema is created once per driver, and later
   * callers wait for that one creation only.
   */
  override createSchemaIfNotExists(schemaName: string): Promise<void> {
    let created = this.schemas.get(schemaName);
    if (!created) {
      created = super.createSchemaIfNotExists(schemaName).catch((error: unknown) => {
        this.schemas.delete(schemaName);
        throw error;
      });
      this.schemas.set(schemaName, created);
    }
    return created;
  }

  /**
   * Cube's list of the pre-aggregation tables, read in line with the catalog changes (DDL).
   *
   * Cube caches this list (an hour), every read overwrites the cached list with what it read,
   * last write wins (PreAggregationLoadCache.fetchTables), and a builder's waiters look their
   * table up in the cached list after the build. Cube runs up to five rollup builds at once, so
   * right after a switch a list read on another connection could start while a rollup's CREATE
   * TABLE ran, miss its table, and be cached after that builder had cached the list with it; the
   * waiters' forced re-read joins the read already queued under the same key, so they failed
   * with "Pre-aggregation table is not found … after it was successfully created" (one loaded
   * test run in eight). In line, a read that started before a CREATE or DROP has answered, and
   * Cube has cached its answer (promise continuations only), before the statement starts; a
   * read after it sees its result. Reads are rare once the list is cached.
   */
  override getTablesQuery(schemaName: string): ReturnType<DuckDBDriver['getTablesQuery']> {
    return this.track(() => this.serialised(() => super.getTablesQuery(schemaName)));
  }

  override query<R = unknown>(query: string, values?: unknown[]): Promise<R[]> {
    if (!DDL.test(query)) return this.track(() => this.run<R>(query, values));
    return this.track(() => this.serialised(() => this.run<R>(query, values)));
  }

  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const next = this.ddlQueue.then(work);
    this.ddlQueue = next.catch(() => undefined);
    return next;
  }

  private async run<R>(query: string, values?: unknown[]): Promise<R[]> {
    const connection = await this.acquire();
    try {
      const result = await connection.run(query, convertDuckDBParams(values));
      const transform = buildTransform(result.columnNames(), result.columnTypes());
      const rows: R[] = [];
      for (const chunk of await result.fetchAllChunks()) {
        for (const row of transformChunk(chunk, transform)) rows.push(row as R);
      }
      return rows;
    } finally {
      this.giveBack(connection);
    }
  }

  override stream(...args: Parameters<DuckDBDriver['stream']>): ReturnType<DuckDBDriver['stream']> {
    return this.track(() => super.stream(...args));
  }

  /** Number of queries running on this build right now. */
  get inflightQueries(): number {
    return this.inflight;
  }

  private whenIdle(): Promise<void> {
    if (this.inflight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Cube calls this when it drops an orchestrator: close once running queries are done. */
  override async release(): Promise<void> {
    await this.whenIdle();
    this.closed = true;
    for (const connection of this.all) {
      // The base driver closes its default connection (the pool's first) itself.
      if (connection !== this.all[0]) connection.closeSync();
    }
    this.all.length = 0;
    this.idle.length = 0;
    this.instance = undefined;
    await super.release();
  }
}
