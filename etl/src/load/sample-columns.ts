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
  // scan early), every typed column's non-blank values aggregated in file order and joined
  // into one string (handing thousands of list items to JavaScript costs more than the scan).
  const selects = typed.map(
    ({ stored }, i) =>
      `array_to_string(coalesce(list(trim(${ident(stored)}) order by r) filter (where trim(${ident(stored)}) <> ''), [])[1:${SAMPLE_VALUES}], chr(1)) as ${ident(`c${i}`)}`,
  );
  const head = `(select rowid as r, ${typed.map(({ stored }) => ident(stored)).join(', ')} from ${table} limit ${SAMPLE_ROWS})`;
  const [row] = await queryRows<Record<string, string | null>>(connection, `select ${selects.join(', ')} from ${head}`);
  const ctx = {
    delimiter: loaded.planned.delimiter,
    dateOrder: options.dateOrder,
    timeZone: options.sourceTimeZones[format.system] ?? 'UTC',
    stagingReadsLocalIso: STAGING_READS_LOCAL_TIMES.has(format.system),
  };
  return typed.map(({ column, type }, i) => {
    const joined = row?.[`c${i}`] ?? '';
    const values = joined === '' ? [] : joined.split('\u0001');
    return type === 'number' ? detectNumberColumn(column, values, ctx) : detectDateColumn(column, type, values, ctx);
  });
}
