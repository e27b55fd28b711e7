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
import { MART_TABLES } from '../../../etl/src/mart-tables';
import { WAREHOUSE_SCHEMA_VERSION } from '../../../etl/src/schema-version';
import { WarehouseInvalidError } from '../errors';

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
 * schema, every mart, and the schema version this server's model expects.
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
  } finally {
    await client.end().catch(() => undefined);
  }
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
  constructor(config: ConstructorParameters<typeof PostgresDriver>[0]) {
    super(config);
    const parserFor = this.getTypeParser;
    this.getTypeParser = (dataTypeID, format) => (NUMBER_TYPE_OIDS.has(dataTypeID) ? (value: string) => value : parserFor(dataTypeID, format));
  }
}

/** Cube's Postgres driver over the published schema (one per data source and process; Cube pools connections inside it). */
export function postgresDriver(options: PostgresWarehouseOptions, env: NodeJS.ProcessEnv = process.env): PostgresDriver {
  const config = connectionConfig(options, env);
  const defined = Object.fromEntries(Object.entries(config).filter(([, value]) => value !== undefined));
  return new WarehousePostgresDriver({ ...defined, ...(options.maxPoolSize ? { maxPoolSize: options.maxPoolSize } : {}) } as ConstructorParameters<typeof PostgresDriver>[0]);
}
