import { createReadStream, createWriteStream } from 'node:fs';
import { open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ExportFormat } from '../formats/index';
import type { InputSource } from './prepare-input';
import { ident, literal, queryRows, runWithProgress } from './sql-text';

/** A file whose header matched a format, ready to load. */
export interface PlannedFile {
  /** The name its records are reported under (`_file`): the input path, or `<archive>/<member>`. */
  readonly file: string;
  /** The UTF-8 CSV to read: the input itself or a prepared temp file (`prepare-input.ts`). */
  readonly source: string;
  /** The longest line in bytes: DuckDB's reader silently drops a record longer than its max_line_size. */
  readonly longestLine: number;
  /** How it was read (archive member, encoding, delimiter), for the report. */
  readonly readAs: string;
  readonly format: ExportFormat;
  readonly delimiter: string;
  readonly header: readonly string[];
  /** Canonical column → index of the header field holding it. */
  readonly columnIndex: ReadonlyMap<string, number>;
  readonly bytes: number;
  /** The scan still to do before reading (`InputSource.finish`): the loader runs it and replaces `source`, `readAs`, `longestLine`. */
  readonly finish?: InputSource['finish'];
}

/** The per-file table in schema `raw_files`, and how its records map to physical lines. */
export interface LoadedFile {
  readonly planned: PlannedFile;
  readonly table: string;
  /** Column names of the per-file table, one per header field, in header order. */
  readonly storedColumns: readonly string[];
  /**
   * The file's well-formed records as a SQL relation: its header columns and `_line`, the
   * physical line each record starts on (a subquery over the table, or the table itself).
   */
  readonly relation: string;
  readonly rowsLoaded: number;
  readonly rowsQuarantined: number;
}

interface RejectRow {
  line: number;
  line_byte: number;
  column_name: string | null;
  error_type: string;
  csv_line: string | null;
  error_message: string;
}

/**
 * Load one export file with DuckDB's CSV reader into `raw_files.<table>`: every header field
 * as VARCHAR under its header name (exactly as exported), records DuckDB cannot parse
 * (wrong field count, unterminated quote) into `raw._load_rejects` with their physical line.
 *
 * Physical lines: DuckDB numbers records by logical line (quoted newlines not counted) and
 * keeps file order in the table, so record k (rowid k-1) starts on line k+1 unless earlier
 * records span several lines or were rejected. Those few "breakpoints" are found after the
 * load; the returned `relation` adds their offsets (and leaves malformed records out) when
 * read, without rewriting the table.
 */
export async function loadFile(
  connection: DuckDBConnection,
  planned: PlannedFile,
  table: string,
  onFraction: (fraction: number) => void,
  continuation: { readonly lineOffset: number; readonly reportAs: string } = { lineOffset: 0, reportAs: planned.file },
): Promise<LoadedFile> {
  const { lineOffset, reportAs } = continuation;
  const storedColumns = uniqueNames(planned.header);
  // One sentinel column past the header: DuckDB silently accepts a record with one extra,
  // empty trailing field (it takes it for a trailing delimiter), shifting nothing but hiding
  // a malformed row. With the sentinel declared, null padding on and a NULL string that never
  // occurs, an extra field shows as a non-NULL sentinel and a missing one as a NULL last column.
  const columns = `{${[...storedColumns, SENTINEL].map((name) => `${literal(name)}: 'VARCHAR'`).join(', ')}}`;
  const rejects = `${table}__rejects`;
  const scans = `${table}__scans`;
  const target = `raw_files.${ident(table)}`;
  // DuckDB (1.5) drops a record longer than max_line_size (default 2,000,000 bytes) without a
  // trace when rejects are stored: raise the limit above the file's longest line.
  const lineSize = planned.longestLine + 1024 > DEFAULT_MAX_LINE_SIZE ? `, max_line_size = ${planned.longestLine + 1024}, buffer_size = ${Math.max(2 * (planned.longestLine + 1024), 32 * 1024 * 1024)}` : '';
  const read = (parallel: boolean): string =>
    `create table ${target} as select * from read_csv(${literal(planned.source)},
       header = true, auto_detect = false, delim = ${literal(planned.delimiter)}, quote = '"', escape = '"',
       columns = ${columns}, strict_mode = true, null_padding = true, nullstr = ${literal(NEVER)}, parallel = ${parallel}${lineSize},
       store_rejects = true, rejects_table = ${literal(rejects)}, rejects_scan = ${literal(scans)})`;
  try {
    await runWithProgress(connection, read(true), onFraction);
  } catch (error) {
    // DuckDB's parallel reader cannot pad rows of a file with quoted newlines: read it serially.
    if (!/null_padding in conjunction with quoted new lines/i.test((error as Error).message)) throw error;
    await connection.run(`drop table if exists ${ident(rejects)}; drop table if exists ${ident(scans)}; drop table if exists ${target}`);
    await runWithProgress(connection, read(false), onFraction);
  }
  const [{ n: rowsRead } = { n: 0 }] = await queryRows<{ n: number }>(connection, `select count(*)::bigint as n from ${target}`);
  const readerRejects = await queryRows<RejectRow>(
    connection,
    `select line::bigint as line, arg_min(line_byte_position, byte_position)::bigint as line_byte, arg_min(column_name, byte_position) as column_name, arg_min(error_type::varchar, byte_position) as error_type,
            arg_min(csv_line, byte_position) as csv_line, arg_min(error_message, byte_position) as error_message
       from ${ident(rejects)} group by line order by line`,
  );
  await connection.run(`drop table if exists ${ident(rejects)}; drop table if exists ${ident(scans)}`);

  // One scan for the records that need a look: those holding quoted newlines (each field
  // tested, cheap; newlines counted only in them) and the malformed ones (an extra field
  // in the sentinel, or a missing last field).
  const allFields = storedColumns.map((name) => `coalesce(${ident(name)}, '')`).join(` || chr(1) || `);
  const anyNewline = storedColumns.map((name) => `contains(${ident(name)}, chr(10))`).join(' or ');
  const lastColumn = ident(storedColumns[storedColumns.length - 1] ?? SENTINEL);
  const isMalformed = `(${ident(SENTINEL)} is not null or ${lastColumn} is null)`;
  const fieldList = storedColumns.map((name) => ident(name)).join(', ');
  const flagged = await queryRows<{ rn: number; nl: number; malformed: boolean; extra: string | null; fields: (string | null)[] | null }>(
    connection,
    `select rowid + 1 as rn, case when ${anyNewline} then (length(${allFields}) - length(replace(${allFields}, chr(10), '')))::bigint else 0 end as nl,
            ${isMalformed} as malformed, ${ident(SENTINEL)} as extra, case when ${isMalformed} then [${fieldList}] end as fields
       from ${target} where ${anyNewline} or ${isMalformed} order by rn`,
  );
  const breakpoints = flagged.filter((f) => f.nl > 0);
  const malformedAll = flagged.filter((f) => f.malformed).map((f) => ({ rn: f.rn, extra: f.extra, fields: f.fields ?? [] }));
  // An unterminated quote makes the reader swallow the following lines into one rejected
  // record, after which it resumes somewhere inside them. Keep what came before, quarantine
  // only the record's own line, and read everything after that line again (recursively).
  const swallowing = readerRejects.findIndex((r) => /unterminated quote/i.test(r.error_message) && trimRecord(r.csv_line).includes('\n'));
  const cutAfter = swallowing >= 0 ? Math.max(0, (readerRejects[swallowing]?.line ?? 0) - 2 - swallowing) : Infinity;
  const keptRejects = swallowing >= 0 ? readerRejects.slice(0, swallowing + 1) : readerRejects;
  const malformed = malformedAll.filter((m) => m.rn <= cutAfter);
  const lines = physicalLines(
    breakpoints.filter((b) => b.rn <= cutAfter),
    keptRejects.map((r, i) => (i === swallowing ? { ...r, csv_line: firstLine(r.csv_line) } : r)),
  );
  const rejectRows: Array<{ line: number; text: string; reason: string; column: string | null }> = keptRejects.map((reject, i) => ({
    line: (lines.rejectLines[i] ?? reject.line) + lineOffset,
    text: i === swallowing ? firstLine(reject.csv_line) : trimRecord(reject.csv_line),
    reason: `${reject.error_type}${reject.column_name ? ` at column "${reject.column_name}"` : ''}: ${reject.error_message}${
      i === swallowing ? ' The record was cut at the end of its line; the lines after it were read again.' : ''
    }`,
    column: reject.column_name,
  }));
  for (const row of malformed) {
    const present = row.fields.filter((f) => f !== null);
    const line = row.rn + 1 + offsetBefore(lines.offsets, row.rn) + lineOffset;
    const text = [...present, ...(row.extra === null ? [] : [row.extra])].map((f) => quoteField(f ?? '', planned.delimiter)).join(planned.delimiter);
    if (row.extra !== null) {
      rejectRows.push({ line, text, column: null, reason: `TOO MANY COLUMNS: Expected Number of Columns: ${storedColumns.length} Found: more (an extra field after "${storedColumns[storedColumns.length - 1]}")` });
    } else {
      rejectRows.push({ line, text, column: storedColumns[present.length] ?? null, reason: `MISSING COLUMNS at column "${storedColumns[present.length]}": Expected Number of Columns: ${storedColumns.length} Found: ${present.length}` });
    }
  }
  let rest: LoadedFile | undefined;
  const swallowed = readerRejects[swallowing];
  const swallowedRow = rejectRows[swallowing];
  if (swallowed && swallowedRow) {
    const restStart = await lineEndAfter(planned.source, swallowed.line_byte);
    if (restStart !== undefined) {
      const restFile = await writeContinuation(planned, restStart);
      try {
        rest = await loadFile(connection, { ...planned, source: restFile }, `${table}r`, () => {}, { lineOffset: swallowedRow.line - 1, reportAs });
      } finally {
        await rm(restFile, { force: true });
      }
    }
  }
  rejectRows.sort((a, b) => a.line - b.line);
  for (let i = 0; i < rejectRows.length; i += 1000) {
    const values = rejectRows
      .slice(i, i + 1000)
      .map((r) => `(${literal(reportAs)}, ${r.line}, ${literal(r.text)}, ${literal(r.reason)}, ${literal(planned.format.name)}, ${r.column === null ? 'null' : literal(r.column)})`);
    await connection.run(`insert into raw._load_rejects values ${values.join(', ')}`);
  }

  // The exact line of each record. Usually rowid + 2; after quoted newlines or rejected
  // records, plus a step function of the position (`offsets`), kept as a small table and
  // applied where the raw view reads the file, not by rewriting the table. The ASOF join
  // that finds each row's step reads the row ids alone, then joins them back on rowid: an
  // ASOF join sorts its left side with every column it carries (1M leads' 582K tasks with
  // 29K steps: 1.24–1.33 s against 0.42–0.50 s this way, the same lines).
  const offsetsTable = `raw_files.${ident(`${table}__lines`)}`;
  if (lines.offsets.length > 0) {
    await connection.run(`create table ${offsetsTable} (pos bigint, cum bigint)`);
    for (let i = 0; i < lines.offsets.length; i += 1000) {
      const chunk = lines.offsets.slice(i, i + 1000).map(([pos, cum]) => `(${pos}, ${cum})`);
      await connection.run(`insert into ${offsetsTable} values ${chunk.join(', ')}`);
    }
  }
  const lineOf = (t: string) => `(${t}.rowid + 2${lines.offsets.length > 0 ? ' + coalesce(o.cum, 0)' : ''}${lineOffset !== 0 ? ` + ${lineOffset}` : ''})::bigint`;
  const joinOffsets = (t: string) =>
    lines.offsets.length > 0
      ? ` left join (select r.rowid as rid, s.cum from ${target} r asof join ${offsetsTable} s on r.rowid + 1 > s.pos) o on o.rid = ${t}.rowid`
      : '';
  // Malformed records stay in the table (they are in the quarantine): the view leaves them out.
  const wellFormed = (t: string) => (malformed.length > 0 ? ` where ${t}.${ident(SENTINEL)} is null and ${t}.${lastColumn} is not null` : '');
  let relation = `(select t.*, ${lineOf('t')} as _line from ${target} t${joinOffsets('t')}${wellFormed('t')})`;
  if (swallowing >= 0 || lineOffset !== 0) {
    // A record swallowed the lines after it (rare): keep the records before it, then the
    // rest of the file read again, in one table with its `_line`.
    await connection.run(
      `create table raw_files.${ident(`${table}__lined`)} as select t.* exclude (${ident(SENTINEL)}), ${lineOf('t')} as _line from ${target} t${joinOffsets('t')}
        where ${malformed.length > 0 ? `t.${ident(SENTINEL)} is null and t.${lastColumn} is not null and ` : ''}${Number.isFinite(cutAfter) ? `t.rowid + 1 <= ${cutAfter}` : 'true'};
       drop table ${target}; drop table if exists ${offsetsTable};
       alter table raw_files.${ident(`${table}__lined`)} rename to ${ident(table)}`,
    );
    if (rest) {
      await connection.run(`insert into ${target} select ${fieldList}, _line from ${rest.relation}; drop table raw_files.${ident(rest.table)}; drop table if exists raw_files.${ident(`${rest.table}__lines`)}`);
    }
    relation = target;
  }
  return {
    planned,
    table,
    storedColumns,
    relation,
    rowsLoaded: Math.min(rowsRead, cutAfter) - malformed.length + (rest?.rowsLoaded ?? 0),
    rowsQuarantined: rejectRows.length + (rest?.rowsQuarantined ?? 0),
  };
}

/** Byte offset just past the line break that ends the line starting at `from`, if any. */
async function lineEndAfter(path: string, from: number): Promise<number | undefined> {
  const handle = await open(path, 'r');
  try {
    const chunk = Buffer.alloc(64 * 1024);
    for (let position = from; ; position += chunk.length) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
      if (bytesRead === 0) return undefined;
      const at = chunk.subarray(0, bytesRead).indexOf(0x0a);
      if (at >= 0) return position + at + 1;
    }
  } finally {
    await handle.close();
  }
}

/** A temp CSV: the header row, then the file's bytes from `start` to the end. */
async function writeContinuation(planned: PlannedFile, start: number): Promise<string> {
  const path = join(tmpdir(), `closedloop-rest-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.csv`);
  const header = planned.header.map((field) => quoteField(field, planned.delimiter)).join(planned.delimiter);
  await writeFile(path, `${header}\n`);
  await pipeline(createReadStream(planned.source, { start }), createWriteStream(path, { flags: 'a' }));
  return path;
}

const DEFAULT_MAX_LINE_SIZE = 2_000_000;

/** Name of the sentinel column past the header; a header field by this name would be unusual. */
const SENTINEL = '__closedloop_extra_field__';
/** The NULL string given to the reader, so that empty fields read as '' and only padding gives NULL. */
const NEVER = '\u0001\u0002closedloop-null\u0002\u0001';

/** Lines to add to rowid + 2 for the loaded record at position `rn` (offsets sorted by pos). */
function offsetBefore(offsets: readonly [number, number][], rn: number): number {
  let lo = 0;
  let hi = offsets.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [pos, cum] = offsets[mid] ?? [0, 0];
    if (pos < rn) {
      found = cum;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function quoteField(field: string, delimiter: string): string {
  return /["\r\n]/.test(field) || field.includes(delimiter) ? `"${field.replaceAll('"', '""')}"` : field;
}

/**
 * Physical start lines from DuckDB's numbering.
 *
 * `breakpoints`: loaded records (1-based position `rn` among loaded records) holding `nl`
 * quoted newlines. `rejects`: DuckDB's logical line of each rejected record (header = 1,
 * blank lines counted, quoted newlines not). Returns, for loaded records, a step function
 * `offsets` (`[pos, cum]`: records after position `pos` start `cum` lines later than rowid + 2)
 * and the physical line of each reject.
 *
 * Approximation: DuckDB skips blank lines between records without a trace, so records after
 * a blank line in the middle of a file report a line one lower per blank line before them.
 */
export function physicalLines(
  breakpoints: readonly { rn: number; nl: number }[],
  rejects: readonly { line: number; csv_line: string | null }[],
): { offsets: Array<[number, number]>; rejectLines: number[] } {
  // Events that push later loaded records down: each affects records at positions > pos.
  const events: Array<{ pos: number; delta: number }> = breakpoints.map((b) => ({ pos: b.rn, delta: b.nl }));
  const rejectLines: number[] = [];
  let newlinesBefore = 0;
  let bpIndex = 0;
  let rejectNewlines = 0;
  rejects.forEach((reject, j) => {
    // Loaded records before this reject: logical lines before it, minus header and earlier rejects.
    const goodBefore = Math.max(0, reject.line - 2 - j);
    while (bpIndex < breakpoints.length && (breakpoints[bpIndex]?.rn ?? Infinity) <= goodBefore) {
      newlinesBefore += breakpoints[bpIndex]?.nl ?? 0;
      bpIndex += 1;
    }
    rejectLines.push(reject.line + newlinesBefore + rejectNewlines);
    const inner = countNewlines(trimRecord(reject.csv_line));
    rejectNewlines += inner;
    events.push({ pos: goodBefore, delta: 1 + inner });
  });
  events.sort((a, b) => a.pos - b.pos);
  const offsets: Array<[number, number]> = [];
  let cum = 0;
  for (const event of events) {
    cum += event.delta;
    const last = offsets[offsets.length - 1];
    if (last && last[0] === event.pos) last[1] = cum;
    else offsets.push([event.pos, cum]);
  }
  return { offsets, rejectLines };
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n += 1;
  return n;
}

/** The first physical line of a rejected record's text. */
function firstLine(text: string | null): string {
  return (trimRecord(text).split('\n')[0] ?? '').replace(/\r$/, '');
}

/** The rejected record's own text: DuckDB may prefix skipped blank lines and suffix line breaks. */
function trimRecord(text: string | null): string {
  return (text ?? '').replace(/^[\r\n]+/, '').replace(/[\r\n]+$/, '');
}

/** Header fields as column names: blank ones named `column<n>`, repeats suffixed `_2`, `_3`. */
export function uniqueNames(header: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((raw, i) => {
    const base = raw === '' ? `column${i + 1}` : raw;
    const count = (seen.get(base.toLowerCase()) ?? 0) + 1;
    seen.set(base.toLowerCase(), count);
    return count === 1 ? base : `${base}_${count}`;
  });
}
