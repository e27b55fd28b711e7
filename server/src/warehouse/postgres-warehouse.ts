/**
 * Serving from Postgres: the marts a `npm run publish` swapped in (schema `closedloop`, or
 * CLOSEDLOOP_PG_SCHEMA), read through Cube's own Postgres driver with Cube's usual connection
 * variables (CUBEJS_DB_HOST/PORT/NAME/USER/PASS). Rollups are built in the same database, as
 * the same role, in schema `pre_aggregations` (cube.js), so every API process of a cluster
 * reads the same rollup tables. Every connection runs with `search_path = <schema>` (the model
 * names marts unqualified) and `TimeZone = UTC` (the marts hold UTC wall-clock TIMESTAMPs).
 */
import { PostgresDriver } from '@cubejs-backend/postgres-driver';
import pg from 'pg';
import { MART_CONTRACT, MART_TABLES, compareToContract, formatMismatches, postgresType } from '../../../etl/src/mart-contract';
import type { ContractMismatch, FoundColumn } from '../../../etl/src/mart-contract';
import { WAREHOUSE_SCHEMA_VERSION } from '../../../etl/src/schema-version';
import { WarehouseInvalidError } from '../errors';
import { catalogLine } from './catalog-line';

export const DEFAULT_PG_SCHEMA = 'closedloop';

export interface PostgresWarehouseOptions {
  /** Default: CUBEJS_DB_HOST, … (Cube's variables; PG* fill what they leave out). */
  readonly host?: string;
  readonly port?: number;
  readonly database?: string;
  readonly user?: string;
  readonly password?: string;
  /** The published schema. Default: CLOSEDLOOP_PG_SCHEMA, else `closedloop`. */
  readonly schema?: string;
  /** Connections per API process (Cube's CUBEJS_DB_MAX_POOL, default 8). */
  readonly maxPoolSize?: number;
}

/** Set when `CUBEJS_DB_TYPE=postgres`: serve from Postgres instead of a DuckDB file. */
export function postgresFromEnv(env: NodeJS.ProcessEnv = process.env): PostgresWarehouseOptions | undefined {
  if (env.CUBEJS_DB_TYPE !== 'postgres') return undefined;
  return { schema: env.CLOSEDLOOP_PG_SCHEMA || undefined };
}

function connectionConfig(options: PostgresWarehouseOptions, env: NodeJS.ProcessEnv = process.env): pg.ClientConfig {
  const schema = options.schema ?? env.CLOSEDLOOP_PG_SCHEMA ?? DEFAULT_PG_SCHEMA;
  const port = options.port ?? (env.CUBEJS_DB_PORT ? Number(env.CUBEJS_DB_PORT) : undefined);
  return {
    host: options.host ?? env.CUBEJS_DB_HOST,
    port,
    database: options.database ?? env.CUBEJS_DB_NAME,
    user: options.user ?? env.CUBEJS_DB_USER,
    password: options.password ?? env.CUBEJS_DB_PASS,
    options: `-c search_path=${schema} -c TimeZone=UTC`,
  };
}

export function describePostgres(options: PostgresWarehouseOptions, env: NodeJS.ProcessEnv = process.env): string {
  const c = connectionConfig(options, env);
  const schema = options.schema ?? env.CLOSEDLOOP_PG_SCHEMA ?? DEFAULT_PG_SCHEMA;
  return `postgres://${c.user ?? env.PGUSER ?? ''}@${c.host ?? env.PGHOST ?? 'localhost'}:${c.port ?? env.PGPORT ?? 5432}/${c.database ?? env.PGDATABASE ?? ''} schema ${schema}`;
}

/**
 * Checks, before Cube starts, that the database has a published warehouse Cube can serve: the
 * schema, every mart with the contract's columns and types, and the schema version this
 * server's model expects.
 */
export async function checkPostgresWarehouse(options: PostgresWarehouseOptions, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const where = describePostgres(options, env);
  const schema = options.schema ?? env.CLOSEDLOOP_PG_SCHEMA ?? DEFAULT_PG_SCHEMA;
  const client = new pg.Client(connectionConfig(options, env));
  try {
    await client.connect();
  } catch (error) {
    throw new WarehouseInvalidError(
      where,
      `cannot connect (${error instanceof Error ? error.message : String(error)}). Set CUBEJS_DB_HOST, CUBEJS_DB_PORT, CUBEJS_DB_NAME, CUBEJS_DB_USER and CUBEJS_DB_PASS.`,
    );
  }
  try {
    const tables = await client.query<{ table_name: string }>(
      'SELECT table_name FROM information_schema.tables WHERE table_schema = $1', [schema],
    );
    const present = new Set(tables.rows.map((row) => row.table_name));
    const missing = MART_TABLES.filter((table) => !present.has(table));
    if (present.size === 0) {
      throw new WarehouseInvalidError(where, `the database has no published warehouse. Publish one: npm run publish -- --warehouse <file.duckdb> --to postgres://…`);
    }
    if (missing.length > 0) throw new WarehouseInvalidError(where, `it has no ${missing.join(', ')} table(s). Publish the warehouse again with npm run publish.`);
    const version = await client.query<{ v: number | null }>('SELECT max(schema_version) AS v FROM build_info');
    const found = Number(version.rows[0]?.v ?? 1);
    if (found !== WAREHOUSE_SCHEMA_VERSION) {
      throw new WarehouseInvalidError(
        where,
        `it was built by an ${found < WAREHOUSE_SCHEMA_VERSION ? 'older' : 'newer'} ETL (warehouse schema version ${found}; this server reads version ${WAREHOUSE_SCHEMA_VERSION}). Rebuild with npm run etl, then npm run publish.`,
      );
    }
    const mismatches = await compareSchemaToContract(client, schema);
    if (mismatches.length > 0) {
      throw new WarehouseInvalidError(
        where,
        `its marts do not match the column contract this server reads (etl/src/mart-contract.ts):\n${formatMismatches(mismatches)}\n` +
          'Rebuild the warehouse with this version (npm run etl), then npm run publish.',
      );
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The published marts' columns against the contract, in Postgres's spelling (`double precision`,
 * `timestamp without time zone`, an ENUM by its type name and its labels in order), NOT NULL included.
 */
export async function compareSchemaToContract(client: pg.Client, schema: string): Promise<ContractMismatch[]> {
  const columns = await client.query<{ table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: string; numeric_precision: number | null; numeric_scale: number | null }>(
    `SELECT table_name, column_name, data_type, udt_name, is_nullable, numeric_precision, numeric_scale
       FROM information_schema.columns WHERE table_schema = $1 ORDER BY table_name, ordinal_position`,
    [schema],
  );
  const labels = await client.query<{ typname: string; labels: string[] }>(
    `SELECT t.typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid
      WHERE n.nspname = $1 GROUP BY t.typname`,
    [schema],
  );
  const enumLabels = new Map(labels.rows.map((row) => [row.typname, row.labels]));
  const spell = (row: (typeof columns.rows)[number]): string => {
    if (row.data_type === 'USER-DEFINED') return row.udt_name;
    if (row.data_type === 'numeric' && row.numeric_precision !== null) return `numeric(${row.numeric_precision}, ${row.numeric_scale ?? 0})`;
    return row.data_type;
  };
  const byTable = new Map<string, FoundColumn[]>();
  for (const row of columns.rows) {
    const list = byTable.get(row.table_name) ?? [];
    list.push({ name: row.column_name, type: spell(row), nullable: row.is_nullable === 'YES' });
    byTable.set(row.table_name, list);
  }
  const mismatches: ContractMismatch[] = [];
  for (const mart of MART_CONTRACT) {
    mismatches.push(...compareToContract(mart, byTable.get(mart.name) ?? [], postgresType));
    for (const column of mart.columns) {
      if (column.type.kind !== 'enum') continue;
      const found = enumLabels.get(column.type.name);
      if (found && found.join(',') !== column.type.values.join(',')) {
        mismatches.push({ mart: mart.name, column: column.name, expected: `${column.type.name} (${column.type.values.join(', ')})`, found: `${column.type.name} (${found.join(', ')})` });
      }
    }
  }
  return mismatches;
}

/** int2, int4, int8, float4, float8, numeric. */
const NUMBER_TYPE_OIDS = new Set([21, 23, 20, 700, 701, 1700]);

/**
 * Cube's Postgres driver, answering numbers as Postgres prints them (shortest exact text, the
 * same digits DuckDB's driver answers): `pg` would parse float8 and int4 into JavaScript
 * numbers, and Cube would then answer JSON numbers from Postgres where it answers strings from
 * DuckDB.
 */
class WarehousePostgresDriver extends PostgresDriver {
  /** Rollup builds and drops beside each other, reads of the rollup tables' list alone (catalog-line.ts). */
  private readonly catalog = catalogLine();

  constructor(config: ConstructorParameters<typeof PostgresDriver>[0]) {
    super(config);
    const parserFor = this.getTypeParser;
    this.getTypeParser = (dataTypeID, format) => (NUMBER_TYPE_OIDS.has(dataTypeID) ? (value: string) => value : parserFor(dataTypeID, format));
  }

  /**
   * Builds a rollup table once however many processes build it. Each process of a cluster has
   * its own queue, so an API process building a rollup on demand and the refresh worker can
   * start the same version in the same second, under the same name: the second `CREATE TABLE`
   * failed with "relation … already exists" and its request got HTTP 400. Under a lock on the
   * name, the later builder finds the table built and uses it.
   */
  override async loadPreAggregationIntoTable(table: string, loadSql: string, params: unknown[]): Promise<unknown[]> {
    return this.catalog.change(() => this.withConnection(async (conn) => {
      await this.prepareConnection(conn);
      await conn.query('BEGIN');
      try {
        await conn.query('SELECT pg_advisory_xact_lock(hashtext($1))', [table]);
        const { rows } = await conn.query<{ built: boolean }>('SELECT to_regclass($1) IS NOT NULL AS built', [table]);
        if (!rows[0]?.built) await conn.query(loadSql, params);
        await conn.query('COMMIT');
      } catch (error) {
        await conn.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
      return [];
    }));
  }

  /** Cube's list of the rollup tables, never read beside this process's builds and drops (catalog-line.ts). */
  override getTablesQuery(schemaName: string): ReturnType<PostgresDriver['getTablesQuery']> {
    return this.catalog.read(() => super.getTablesQuery(schemaName));
  }

  /**
   * Drops a rollup table only once no process can still be reading it. After each build Cube
   * drops the versions it does not know to be in use, and it knows only its own process's use:
   * the refresh worker's clean-up could drop the version an API process had built a second
   * earlier and answers from, and that process keeps its list of rollup tables for an hour.
   * A table built less than ROLLUP_TABLE_KEEP_MS ago is kept; a later build's clean-up drops it.
   */
  override async dropTable(table: string, options?: Parameters<PostgresDriver['dropTable']>[1]): Promise<unknown> {
    const builtAt = rollupBuiltAt(table);
    if (builtAt !== undefined && Date.now() - builtAt < ROLLUP_TABLE_KEEP_MS) return [];
    return this.catalog.change(() => super.dropTable(table, options));
  }
}

/** Longer than Cube keeps a process's list of rollup tables (`preAggregationsSchemaCacheExpire`, 1 h). */
export const ROLLUP_TABLE_KEEP_MS = 65 * 60_000;

/**
 * When a rollup table was built, from its name: Cube names each version
 * `<rollup>_<content version>_<structure version>_<build second in base 32>`; undefined for other names.
 */
export function rollupBuiltAt(table: string): number | undefined {
  const match = /_[a-z0-5]{1,8}_[a-z0-5]{1,8}_([0-9a-v]{7})$/.exec(table);
  return match?.[1] ? Number.parseInt(match[1], 32) * 1000 : undefined;
}

/** Cube's Postgres driver over the published schema (one per data source and process; Cube pools connections inside it). */
export function postgresDriver(options: PostgresWarehouseOptions, env: NodeJS.ProcessEnv = process.env): PostgresDriver {
  const config = connectionConfig(options, env);
  const defined = Object.fromEntries(Object.entries(config).filter(([, value]) => value !== undefined));
  return new WarehousePostgresDriver({ ...defined, ...(options.maxPoolSize ? { maxPoolSize: options.maxPoolSize } : {}) } as ConstructorParameters<typeof PostgresDriver>[0]);
}
