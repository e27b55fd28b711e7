import type { DuckDBConnection } from '@duckdb/node-api';
import type { DateOrder } from '../agreement/agreement';
import type { SourceSystem } from '../formats/index';
import { detectDateColumn, detectNumberColumn, type ColumnDetection } from './detect-column-format';
import type { LoadedFile } from './load-file';
import { ident, queryRows } from './sql-text';

/** Non-blank values kept per typed column, among the file's first SAMPLE_ROWS records. */
export const SAMPLE_VALUES = 1000;
const SAMPLE_ROWS = 10_000;

/** HubSpot's staging reads times without an offset in its source zone itself (`localToUtc`). */
const STAGING_READS_LOCAL_TIMES: ReadonlySet<SourceSystem> = new Set(['hubspot']);

export interface DetectOptions {
  readonly sourceTimeZones: Readonly<Partial<Record<SourceSystem, string>>>;
  readonly dateOrder: DateOrder;
}

/**
 * Detect how each typed column of a loaded file is written, from its first non-blank values
 * (at most SAMPLE_VALUES among the first SAMPLE_ROWS records, in file order: the same file
 * always gives the same answer). One query, one short scan, for all the file's typed columns.
 */
export async function detectColumnFormats(connection: DuckDBConnection, loaded: LoadedFile, options: DetectOptions): Promise<ColumnDetection[]> {
  const { format } = loaded.planned;
  const typed = format.columns.flatMap((column) => {
    const index = loaded.planned.columnIndex.get(column.name);
    const stored = index === undefined ? undefined : loaded.storedColumns[index];
    return column.type && stored !== undefined ? [{ column: column.name, type: column.type, stored }] : [];
  });
  if (typed.length === 0) return [];
  const table = `raw_files.${ident(loaded.table)}`;
  // One scan of the file's first SAMPLE_ROWS records (a LIMIT in insertion order stops the
  // scan early), sorted once into file order and handed over as one string: records joined
  // by chr(1), a record's typed fields by chr(2) (removed from the values themselves).
  // One sort and one string cost less than a sorted list per column (~40 % at 100k leads).
  const fields = typed.map(({ stored }) => `translate(coalesce(trim(${ident(stored)}), ''), chr(1) || chr(2), '')`);
  const head = `(select rowid as r, ${typed.map(({ stored }) => ident(stored)).join(', ')} from ${table} limit ${SAMPLE_ROWS})`;
  const [row] = await queryRows<{ s: string | null }>(connection, `select string_agg(concat_ws(chr(2), ${fields.join(', ')}), chr(1) order by r) as s from ${head}`);
  const samples: string[][] = typed.map(() => []);
  for (const record of (row?.s ?? '').split('\u0001')) {
    record.split('\u0002').forEach((value, i) => {
      const sample = samples[i];
      if (value !== '' && sample && sample.length < SAMPLE_VALUES) sample.push(value);
    });
  }
  const ctx = {
    delimiter: loaded.planned.delimiter,
    dateOrder: options.dateOrder,
    timeZone: options.sourceTimeZones[format.system] ?? 'UTC',
    stagingReadsLocalIso: STAGING_READS_LOCAL_TIMES.has(format.system),
  };
  return typed.map(({ column, type }, i) => {
    const values = samples[i] ?? [];
    return type === 'number' ? detectNumberColumn(column, values, ctx) : detectDateColumn(column, type, values, ctx);
  });
}
