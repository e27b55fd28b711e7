import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { Kysely } from 'kysely';
import { duckdbDialect } from './duckdb-dialect';

export interface OpenDatabase<DB> {
  readonly db: Kysely<DB>;
  readonly connection: DuckDBConnection;
  /** Another connection to the same database (the caller closes it). */
  connect(): Promise<DuckDBConnection>;
  close(): Promise<void>;
}

/** Open a DuckDB file (or `:memory:`) with a Kysely instance over it. */
export async function openDatabase<DB>(path: string, options: Record<string, string> = {}): Promise<OpenDatabase<DB>> {
  const instance = await DuckDBInstance.create(path, options);
  const connection = await instance.connect();
  const db = new Kysely<DB>({ dialect: duckdbDialect({ connection }) });
  return {
    db,
    connection,
    connect: () => instance.connect(),
    async close() {
      await db.destroy();
      connection.closeSync();
      instance.closeSync();
    },
  };
}
