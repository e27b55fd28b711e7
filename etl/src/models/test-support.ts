/** Test helpers: a fresh in-memory DuckDB with the raw schema of every export format; a macro's SQL text. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql, type RawBuilder } from 'kysely';
import { parseAgreement } from '../agreement/load-agreement';
import type { Agreement } from '../agreement/agreement';
import { openDatabase, type OpenDatabase } from '../db/open-warehouse';
import { formatByName, formats } from '../formats/index';
import type { Warehouse } from './model';
import type { RawDatabase } from './raw-schema';

export async function openRawWarehouse(): Promise<OpenDatabase<RawDatabase>> {
  const open = await openDatabase<RawDatabase>(':memory:', { threads: '1' });
  const db = open.db as unknown as Kysely<Warehouse>;
  await sql`create schema raw`.execute(db);
  for (const format of formats) {
    const cols = format.columns.map((c) => sql`${sql.id(c.name)} varchar`);
    await sql`create table ${sql.table(`raw.${format.name}`)} (${sql.join(cols)}, _file varchar, _line bigint)`.execute(db);
  }
  await sql`create table raw._load_files (file varchar, format varchar, status varchar, bytes bigint, rows_read bigint,
    rows_loaded bigint, rows_quarantined bigint, rows_duplicate bigint, note varchar)`.execute(db);
  await sql`create table raw._load_rejects (_file varchar, _line bigint, raw_text varchar, reason varchar, format varchar, column_name varchar)`.execute(db);
  return open;
}

/** Insert raw rows (canonical column names → text); `_file` defaults to `<format>.csv`, `_line` to 2, 3, … */
export async function insertRaw(db: Kysely<RawDatabase>, format: string, rows: readonly Record<string, string | null>[], file?: string): Promise<void> {
  if (rows.length === 0) return;
  formatByName(format);
  const wh = db as unknown as Kysely<Warehouse>;
  const values = rows.map((row, i) => ({ _file: file ?? `${format}.csv`, _line: i + 2, ...row }));
  await wh.insertInto(`raw.${format}`).values(values).execute();
}

const repoAgreement = readFileSync(fileURLToPath(new URL('../../../agreement.yml', import.meta.url)), 'utf8');

/** The repository's agreement.yml, optionally edited (e.g. a line replaced) first. */
export function testAgreement(edit: (text: string) => string = (t) => t): Agreement {
  return parseAgreement(edit(repoAgreement), 'test-agreement.yml');
}

// Compiles without a database, with the query compiler the build's DuckDB dialect uses.
const compiler = new Kysely<unknown>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

/** A macro's SQL text as the models inline it (they take no parameters: a parameter throws). */
export function compiledSql(expression: RawBuilder<unknown>): string {
  const { sql: text, parameters } = expression.compile(compiler);
  if (parameters.length > 0) throw new Error(`expected SQL without parameters, got ${parameters.length}: ${text}`);
  return text;
}
