import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';

/**
 * A Kysely dialect over `@duckdb/node-api`.
 *
 * DuckDB's SQL is close enough to Postgres that Kysely's Postgres adapter and query
 * compiler serve as they are (`$1` placeholders, double-quoted identifiers, `returning`).
 * The `kysely-duckdb` package sits on the deprecated `duckdb` bindings, hence this file.
 *
 * One DuckDB connection serves the Kysely instance; queries on it run one at a time,
 * which is what DuckDB does per connection anyway. Parallelism happens inside DuckDB.
 */
export interface DuckDBDialectConfig {
  readonly connection: DuckDBConnection;
}

export function duckdbDialect(config: DuckDBDialectConfig): Dialect {
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => createDriver(config.connection),
    createQueryCompiler: () => new PostgresQueryCompiler(),
    createIntrospector: (db: Kysely<unknown>): DatabaseIntrospector => new PostgresIntrospector(db),
  };
}

function createDriver(connection: DuckDBConnection): Driver {
  const dbConnection = createConnection(connection);
  let queue: Promise<void> = Promise.resolve();
  return {
    init: async () => {},
    // Serialise access: a transaction must own the connection until it ends.
    acquireConnection: async () => {
      let release!: () => void;
      const previous = queue;
      queue = new Promise<void>((resolve) => (release = resolve));
      await previous;
      return Object.assign(Object.create(dbConnection) as DatabaseConnection, { release });
    },
    beginTransaction: async (conn) => {
      await conn.executeQuery(CompiledQuery.raw('begin transaction'));
    },
    commitTransaction: async (conn) => {
      await conn.executeQuery(CompiledQuery.raw('commit'));
    },
    rollbackTransaction: async (conn) => {
      await conn.executeQuery(CompiledQuery.raw('rollback'));
    },
    releaseConnection: async (conn) => {
      (conn as DatabaseConnection & { release: () => void }).release();
    },
    destroy: async () => {},
  };
}

function createConnection(connection: DuckDBConnection): DatabaseConnection {
  return {
    async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
      const values = query.parameters.map(toDuckDBValue);
      const reader = await connection.runAndReadAll(query.sql, values.length > 0 ? values : undefined);
      const rows = reader.getRowObjectsJS().map(normaliseRow) as R[];
      const changed = reader.columnCount === 1 && reader.columnNames()[0] === 'Count' && rows.length === 1;
      return changed
        ? { rows: [], numAffectedRows: BigInt(String((rows[0] as Record<string, unknown>)['Count'])) }
        : { rows };
    },
    // eslint-disable-next-line require-yield
    async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
      throw new Error('streamQuery is not supported by the Closedloop DuckDB dialect; use the DuckDB connection directly.');
    },
  };
}

function toDuckDBValue(value: unknown): DuckDBValue {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return value as DuckDBValue;
}

/** BIGINT/HUGEINT arrive as bigint; hand callers plain numbers when they fit exactly. */
function normaliseRow(row: Record<string, unknown>): Record<string, unknown> {
  for (const [key, value] of Object.entries(row)) {
    if (typeof value === 'bigint' && value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)) {
      row[key] = Number(value);
    }
  }
  return row;
}
