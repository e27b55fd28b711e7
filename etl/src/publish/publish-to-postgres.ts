/**
 * Publishes a built DuckDB warehouse to Postgres: the file's marts are checked against the
 * column contract (etl/src/mart-contract.ts), created in a new schema with the contract's types
 * (ENUMs in order, NOT NULL where the contract says never NULL), streamed (`COPY … FROM STDIN`),
 * checked (row counts against the file, the warehouse data tests), and swapped in under the serving schema's name (default `closedloop`) in the same transaction.
 * A publish that fails or is killed rolls back: the previous schema keeps serving. Needs no
 * superuser and no extension: the database's owner (or any role allowed to CREATE in it).
 */
import { existsSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { portableTests, runDataTests } from '../data-tests';
import { warehouseTests } from '../data-tests/warehouse-tests';
import { MART_CONTRACT, MART_TABLES, compareToContract, duckdbType, formatMismatches, postgresType } from '../mart-contract';
import type { ColumnContract, FoundColumn } from '../mart-contract';
import { WAREHOUSE_SCHEMA_VERSION, readSchemaVersion } from '../schema-version';
import { quoteIdent, quoteLiteral } from './postgres-quote';

/** The schema Cube reads when none is given (`CLOSEDLOOP_PG_SCHEMA` on the server). */
export const DEFAULT_SCHEMA = 'closedloop';

export interface PublishOptions {
  readonly warehousePath: string;
  /** postgres://user[:password]@host:port/db; missing parts come from PGHOST, PGPASSWORD, … */
  readonly url: string;
  readonly schema?: string;
  readonly log?: (message: string) => void;
}

export interface PublishedTable {
  readonly table: string;
  readonly rows: number;
}

export interface PublishResult {
  readonly schema: string;
  readonly tables: readonly PublishedTable[];
  readonly dataTests: number;
  readonly replacedPrevious: boolean;
  readonly elapsedMs: number;
}

export class PublishError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PublishError';
  }
}

/** The marts' columns as the DuckDB file has them; refuses a file whose marts differ from the contract. */
async function checkMartColumns(duckdb: DuckDBConnection, warehousePath: string): Promise<void> {
  const reader = await duckdb.runAndReadAll(
    "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'main' ORDER BY table_name, ordinal_position",
  );
  const tables = new Map<string, FoundColumn[]>();
  for (const [table, name, type] of reader.getRows()) {
    const columns = tables.get(String(table)) ?? [];
    columns.push({ name: String(name), type: String(type) });
    tables.set(String(table), columns);
  }
  const missing = MART_TABLES.filter((table) => !tables.has(table));
  if (missing.length > 0) {
    throw new PublishError(`${warehousePath} has no ${missing.join(', ')} table(s). Is it a Closedloop warehouse built by \`npm run etl\`?`);
  }
  const mismatches = MART_CONTRACT.flatMap((mart) => compareToContract(mart, tables.get(mart.name) ?? [], duckdbType));
  if (mismatches.length > 0) {
    throw new PublishError(
      `${warehousePath} does not match the mart contract (etl/src/mart-contract.ts); nothing was published:\n${formatMismatches(mismatches)}\n` +
        'Rebuild it with this version of Closedloop: npm run etl.',
    );
  }
}

/** CREATE TYPE / CREATE TABLE statements for the marts in `schema`, from the contract: its types, its ENUMs in order, NOT NULL. */
export function createStatements(schema: string): string[] {
  const enumTypes = new Set<string>();
  const statements: string[] = [];
  for (const mart of MART_CONTRACT) {
    const columns = mart.columns.map((column) => {
      const type = column.type;
      let sqlType = postgresType(type);
      if (type.kind === 'enum') {
        if (!enumTypes.has(type.name)) {
          enumTypes.add(type.name);
          statements.push(`CREATE TYPE ${quoteIdent(schema)}.${quoteIdent(type.name)} AS ENUM (${type.values.map(quoteLiteral).join(', ')})`);
        }
        sqlType = `${quoteIdent(schema)}.${quoteIdent(type.name)}`;
      }
      return `${quoteIdent(column.name)} ${sqlType}${column.nullable ? '' : ' NOT NULL'}`;
    });
    statements.push(`CREATE TABLE ${quoteIdent(schema)}.${quoteIdent(mart.name)} (${columns.join(', ')})`);
  }
  return statements;
}

function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  return `"${String(value).replaceAll('"', '""')}"`;
}

/** The table's rows as CSV chunks (every value cast to text by DuckDB, NULL as an unquoted empty field). */
async function* csvChunks(duckdb: DuckDBConnection, table: string, columns: readonly ColumnContract[]): AsyncGenerator<string> {
  const select = columns.map((c) => `CAST(${quoteIdent(c.name)} AS VARCHAR)`).join(', ');
  const result = await duckdb.stream(`SELECT ${select} FROM main.${quoteIdent(table)}`);
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) return;
    let text = '';
    for (const row of chunk.getRows()) text += `${row.map(csvField).join(',')}\n`;
    yield text;
  }
}

async function countRows(duckdb: DuckDBConnection, table: string): Promise<number> {
  const reader = await duckdb.runAndReadAll(`SELECT count(*) FROM main.${quoteIdent(table)}`);
  return Number(reader.getRows()[0]?.[0] ?? 0);
}

/** Kysely over the one client that holds the publish transaction (the new schema is visible to it only). */
function kyselyOn(client: pg.Client): Kysely<unknown> {
  const poolClient = { query: client.query.bind(client), release: () => undefined };
  return new Kysely<unknown>({
    dialect: new PostgresDialect({
      pool: { connect: async () => poolClient as never, end: async () => undefined, options: {} },
    }),
  });
}

function describeConnectError(url: string, error: unknown): PublishError {
  const message = error instanceof Error ? error.message : String(error);
  const safeUrl = url.replace(/:\/\/([^:@/]+):[^@/]*@/, '://$1:***@');
  return new PublishError(
    `Cannot connect to ${safeUrl}: ${message}. Check host, port, database and user in --to; give a password in the URL or PGPASSWORD (or ~/.pgpass).`,
  );
}

export async function publishToPostgres(options: PublishOptions): Promise<PublishResult> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const schema = options.schema ?? DEFAULT_SCHEMA;
  if (!/^[a-z_][a-z0-9_]{0,39}$/.test(schema)) {
    throw new PublishError(`--schema "${schema}" is not a plain lower-case Postgres name (letters, digits, _; at most 40 characters).`);
  }
  if (!existsSync(options.warehousePath)) {
    throw new PublishError(`Warehouse file not found: ${options.warehousePath}. Build it with \`npm run etl\`, or pass --warehouse <file>.`);
  }

  const instance = await DuckDBInstance.create(options.warehousePath, { access_mode: 'READ_ONLY' });
  const duckdb = await instance.connect();
  const client = new pg.Client({ connectionString: options.url });
  let connected = false;
  try {
    const version = await readSchemaVersion(duckdb);
    if (version !== WAREHOUSE_SCHEMA_VERSION) {
      throw new PublishError(
        version === null
          ? `${options.warehousePath} is not a Closedloop warehouse (no build_info table). Build one with \`npm run etl\`.`
          : `${options.warehousePath} has warehouse schema version ${version}; this version of Closedloop publishes version ${WAREHOUSE_SCHEMA_VERSION}. Rebuild it with \`npm run etl\`.`,
      );
    }
    await checkMartColumns(duckdb, options.warehousePath);

    try {
      await client.connect();
      connected = true;
    } catch (error) {
      throw describeConnectError(options.url, error);
    }
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const next = `${schema}_next_${stamp}`;
    const retired = `${schema}_retired_${stamp}`;

    await client.query('BEGIN');
    // One publish at a time per database; a second one waits here.
    await client.query(`SELECT pg_advisory_xact_lock(hashtext(${quoteLiteral(`closedloop publish ${schema}`)}))`);
    await client.query(`CREATE SCHEMA ${quoteIdent(next)}`);
    for (const statement of createStatements(next)) await client.query(statement);

    const published: PublishedTable[] = [];
    for (const { name: table, columns } of MART_CONTRACT) {
      const tableStarted = Date.now();
      const copy = client.query(copyFrom(
        `COPY ${quoteIdent(next)}.${quoteIdent(table)} (${columns.map((c) => quoteIdent(c.name)).join(', ')}) FROM STDIN WITH (FORMAT csv)`,
      ));
      await pipeline(Readable.from(csvChunks(duckdb, table, columns)), copy);
      const expected = await countRows(duckdb, table);
      const counted = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quoteIdent(next)}.${quoteIdent(table)}`);
      const rows = Number(counted.rows[0]?.n ?? -1);
      if (rows !== expected) {
        throw new PublishError(`${table}: ${rows} rows arrived in Postgres, the warehouse has ${expected}. Nothing was published; run it again, and report it if it repeats.`);
      }
      published.push({ table, rows });
      log(`${table}: ${rows} rows (${Date.now() - tableStarted} ms)`);
      await client.query(`ANALYZE ${quoteIdent(next)}.${quoteIdent(table)}`);
    }

    // The warehouse's own data tests of the published marts, over the copy. The agreement's
    // seeds and the build's own bookkeeping (file_reconciliation) stay in the file, so the
    // tests that read them were checked there and are skipped here.
    await client.query(`SET LOCAL search_path = ${quoteIdent(next)}`);
    const publishedMarts = new Set<string>(MART_TABLES);
    const tests = portableTests(warehouseTests.filter((test) => !/from the agreement/.test(test.name) && publishedMarts.has(test.model)));
    const results = await runDataTests(kyselyOn(client), tests);
    const failed = results.filter((result) => !result.passed);
    if (failed.length > 0) {
      throw new PublishError(
        `Data tests failed on the Postgres copy, nothing was published:\n${failed
          .map((f) => `  ${f.model}: ${f.name} — ${f.failingCount} failing row(s), e.g. ${JSON.stringify(f.sample[0])}`)
          .join('\n')}`,
      );
    }
    log(`data tests: ${results.length} passed`);

    const existing = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    const replacedPrevious = (existing.rowCount ?? 0) > 0;
    if (replacedPrevious) await client.query(`ALTER SCHEMA ${quoteIdent(schema)} RENAME TO ${quoteIdent(retired)}`);
    await client.query(`ALTER SCHEMA ${quoteIdent(next)} RENAME TO ${quoteIdent(schema)}`);
    await client.query('COMMIT');
    log(`swapped in as schema ${schema}`);

    // Dropping the previous build waits for queries still reading it; it is not part of the
    // publish (a leftover is dropped by the next publish).
    await dropRetired(client, schema, log);
    return { schema, tables: published, dataTests: results.length, replacedPrevious, elapsedMs: Date.now() - started };
  } catch (error) {
    // (a query on a client that never connected would wait forever)
    if (connected) await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    if (connected) await client.end().catch(() => undefined);
    duckdb.closeSync();
    instance.closeSync();
  }
}

async function dropRetired(client: pg.Client, schema: string, log: (message: string) => void): Promise<void> {
  const retired = await client.query<{ nspname: string }>(
    "SELECT nspname FROM pg_namespace WHERE nspname LIKE $1 ESCAPE '!'",
    [`${schema.replaceAll('_', '!_')}!_retired!_%`],
  );
  for (const { nspname } of retired.rows) {
    try {
      await client.query("SET lock_timeout = '60s'");
      await client.query(`DROP SCHEMA ${quoteIdent(nspname)} CASCADE`);
    } catch (error) {
      log(`previous build ${nspname} not dropped yet (${error instanceof Error ? error.message : String(error)}); the next publish drops it`);
    }
  }
}
