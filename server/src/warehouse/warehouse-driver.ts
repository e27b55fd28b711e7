/**
 * Cube's DuckDB driver over one build of the warehouse, opened read-only.
 *
 * DuckDB allows one writer, so Cube never opens the warehouse for writing: each driver is an
 * in-memory DuckDB database with the warehouse file ATTACHed READ_ONLY as `warehouse`, and a
 * search path of `memory.main, warehouse.main`. Unqualified mart names (`leads`) resolve to
 * the warehouse; pre-aggregation tables (`external: false`) are created in memory. The open
 * file handle pins the build it was opened on, so renaming a new build over the path does not
 * disturb queries already running on this driver. In-flight queries are counted so that a
 * retired driver is closed only when idle.
 */
import { DuckDBDriver } from '@cubejs-backend/duckdb-driver';
import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import { WarehouseInvalidError, WarehouseLockedError } from '../errors';

export const MART_TABLES = [
  'leads', 'opportunities', 'stage_events', 'sla_targets', 'sales_activities', 'leaks', 'rejected_rows', 'build_info',
] as const;

const SEARCH_PATH = "'memory.main,warehouse.main'";

function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Turns DuckDB's open/attach errors into errors that say what to do. */
export function explainOpenError(warehousePath: string, error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  if (/lock/i.test(message)) return new WarehouseLockedError(warehousePath, message);
  if (/not a valid DuckDB database|invalid.*database file|Unable to open|No such file/i.test(message)) {
    return new WarehouseInvalidError(warehousePath, `it is not a readable DuckDB database (${message}).`);
  }
  return new WarehouseInvalidError(warehousePath, message);
}

export class WarehouseDriver extends DuckDBDriver {
  private inflight = 0;
  private idleWaiters: (() => void)[] = [];
  private closed = false;

  constructor(readonly warehousePath: string, readonly generation: number) {
    super({});
  }

  protected override async init(): Promise<{ defaultConnection: DuckDBConnection; instance: DuckDBInstance }> {
    if (this.closed) throw new Error(`Warehouse build ${this.generation} was retired; retry the request.`);
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      await connection.run(`ATTACH ${sqlString(this.warehousePath)} AS warehouse (READ_ONLY)`);
      await connection.run(`SET search_path = ${SEARCH_PATH}`);
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
    } catch (error) {
      connection.closeSync();
      instance.closeSync();
      throw error instanceof WarehouseInvalidError ? error : explainOpenError(this.warehousePath, error);
    }
    // Connections the base driver opens later (streaming) get the same search path.
    const connect = async (): Promise<DuckDBConnection> => {
      const extra = await instance.connect();
      await extra.run(`SET search_path = ${SEARCH_PATH}`);
      return extra;
    };
    const scoped = Object.assign(Object.create(instance) as DuckDBInstance, { connect });
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

  override query<R = unknown>(...args: Parameters<DuckDBDriver['query']>): Promise<R[]> {
    return this.track(() => super.query<R>(...args));
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
    await super.release();
  }
}
