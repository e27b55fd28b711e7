import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { DateOrder } from '../agreement/agreement';
import { formats as allFormats, type ExportFormat, type SourceSystem } from '../formats/index';
import type { ColumnDetection } from './detect-column-format';
import { InputError, InputErrors } from './input-error';
import { loadFile, type LoadedFile, type PlannedFile } from './load-file';
import { closestHeader, detectFormat } from './match-header';
import { prepareInputs, type InputSource } from './prepare-input';
import { readHead } from './read-head';
import { detectColumnFormats } from './sample-columns';
import { matchUnusedObject } from './unused-objects';
import { ident, literal, queryRows } from './sql-text';

/** What happened to one input file. */
export interface FileReport {
  readonly file: string;
  /** The format it was recognised as (for skipped files: the closest one, if any). */
  readonly format: string | null;
  /** loaded; empty (0 bytes or header only); skipped (matches no format); duplicate (same bytes as an earlier file). */
  readonly status: 'loaded' | 'empty' | 'skipped' | 'duplicate';
  readonly bytes: number;
  /** Records the reader saw: loaded + quarantined. */
  readonly rowsRead: number;
  /** Records in the file's raw table (before removing records identical to another file's). */
  readonly rowsLoaded: number;
  /** Records rejected by the CSV reader, in `raw._load_rejects`. */
  readonly rowsQuarantined: number;
  /** Records dropped because an identical record was loaded from an earlier file of the same format. */
  readonly rowsDuplicate: number;
  /** Why a file was skipped or empty, or what was adjusted (renamed columns). */
  readonly note: string | null;
  /** For skipped files: the closest format's required columns the file lacks. */
  readonly missingColumns: readonly string[];
  /** Header → canonical column, for columns matched through an alias or case/space-insensitively. */
  readonly renamedColumns: Readonly<Record<string, string>>;
  /** Header fields that belong to no column of the format (kept in `raw_files`, not in `raw`). */
  readonly ignoredColumns: readonly string[];
  /** How the bytes were read: archive member, encoding, transcoding, and the delimiter (`UTF-8, ";"`). */
  readonly readAs?: string | null;
  /** Per typed column: the written format detected from a sample of its values. */
  readonly detectedColumns?: readonly DetectedColumn[];
}

/** A column's detection as recorded in `raw._load_columns` (what B's guard and the summary read). */
export type DetectedColumn = Omit<ColumnDetection, 'convert'> & { readonly converted: boolean };

export type LoadEvent =
  | { readonly type: 'file-start'; readonly file: string; readonly format: string; readonly bytes: number }
  | { readonly type: 'file-progress'; readonly file: string; readonly fraction: number }
  | { readonly type: 'file-done'; readonly report: FileReport };

export interface LoadOptions {
  readonly formats?: readonly ExportFormat[];
  readonly onEvent?: (event: LoadEvent) => void;
  /**
   * Opens another connection to the same database. With it, files load on `concurrency`
   * connections at once, largest first: DuckDB's reader keeps ~1.4 of 2 cores busy on one file,
   * two files at a time keep both (1M-lead exports: 23.8 s → 14.9 s for the reads alone).
   */
  readonly connect?: () => Promise<DuckDBConnection>;
  /** Files loading at once when `connect` is given (default 2). */
  readonly concurrency?: number;
  /** Zone of times written without an offset, per system (the agreement's `source_time_zones`; default UTC). */
  readonly sourceTimeZones?: Readonly<Partial<Record<SourceSystem, string>>>;
  /** Day/month order of a date column whose values never show it (the agreement's `date_order`). */
  readonly dateOrder?: DateOrder;
}

type Classified =
  | { readonly kind: 'plan'; readonly planned: PlannedFile; readonly renamed: Record<string, string>; readonly ignored: string[] }
  | { readonly kind: 'report'; readonly report: FileReport };

/**
 * Load every file into the raw layer of the database behind `connection`: schema `raw`
 * with one relation per format (`raw.<format>`: canonical columns as VARCHAR, `_file`,
 * `_line`), `raw._load_rejects`, and the per-file tables in `raw_files`.
 *
 * `raw_files` is an in-memory database attached to the connection's instance (every
 * connection sees it; DuckDB spills it to the temp directory past the memory limit), not a
 * schema of the warehouse file: nothing reads the records as exported after the build, and
 * writing them to the file cost more than reading them (DuckDB compresses every column it
 * persists: 2.6× the time of the same `read_csv` into memory for 1.4M Marketo activities and
 * 0.57M leads). `releaseRawFiles` detaches it, with the `raw.<format>` views over it.
 *
 * Throws `InputErrors` (listing every unusable file) before loading anything when a file is
 * not CSV or is a known export missing a required column.
 */
export async function loadRaw(connection: DuckDBConnection, files: readonly string[], options: LoadOptions = {}): Promise<FileReport[]> {
  // Archives, spreadsheets and other encodings become UTF-8 CSV temp files here, removed at the end.
  const workDir = await mkdtemp(join(tmpdir(), 'closedloop-inputs-'));
  try {
    return await loadPrepared(connection, files, workDir, options);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

async function loadPrepared(connection: DuckDBConnection, files: readonly string[], workDir: string, options: LoadOptions): Promise<FileReport[]> {
  const formats = options.formats ?? allFormats;
  const classified: Classified[] = [];
  const errors: InputError[] = [];
  let prepared: Awaited<ReturnType<typeof prepareInputs>>;
  try {
    prepared = await prepareInputs(files, workDir);
  } catch (error) {
    if (error instanceof InputError) throw new InputErrors([error]);
    throw error;
  }
  for (const member of prepared.skipped) {
    classified.push({ kind: 'report', report: { ...emptyReport(member.file, member.bytes), status: 'skipped', note: member.note } });
  }
  for (const source of prepared.sources) {
    const result = await classify(source, formats);
    if (result instanceof InputError) errors.push(result);
    else classified.push(result);
  }
  if (errors.length > 0) throw new InputErrors(errors);
  const detections = new Map<string, ColumnDetection[]>();

  await connection.run(`create schema if not exists raw; attach if not exists ':memory:' as raw_files;
    create table if not exists raw._load_rejects (_file varchar, _line bigint, raw_text varchar, reason varchar, format varchar, column_name varchar)`);

  const duplicates = await findDuplicateFiles(classified);
  const reports = new Map<string, FileReport>();
  const loadedFiles = new Map<string, LoadedFile>();
  // Table names follow input order whatever order the files load in.
  const work: { planned: PlannedFile; table: string; renamed: Record<string, string>; ignored: string[] }[] = [];
  let tableNumber = 0;
  for (const item of classified) {
    if (item.kind === 'report') {
      reports.set(item.report.file, item.report);
      options.onEvent?.({ type: 'file-done', report: item.report });
      continue;
    }
    const { planned } = item;
    const original = duplicates.get(planned.file);
    if (original !== undefined) {
      const report: FileReport = {
        ...baseReport(planned, item.renamed, item.ignored),
        status: 'duplicate',
        rowsRead: 0,
        rowsLoaded: 0,
        rowsQuarantined: 0,
        rowsDuplicate: 0,
        note: `same content as ${original}; not loaded again`,
      };
      reports.set(planned.file, report);
      options.onEvent?.({ type: 'file-done', report });
      continue;
    }
    tableNumber += 1;
    work.push({ planned, table: `${planned.format.name}__${String(tableNumber).padStart(3, '0')}`, renamed: item.renamed, ignored: item.ignored });
  }

  // Files load largest first. The full scans of UTF-8 files read in place (valid UTF-8?
  // longest line? `prepare-input.ts`) run one after another in that order, ahead of the
  // loads: each file's scan overlaps the loading of the files before it.
  const largestFirst = [...work].sort((a, b) => b.planned.bytes - a.planned.bytes);
  const scans = new Map<string, Promise<PlannedFile>>();
  let previousScan: Promise<unknown> = Promise.resolve();
  for (const { planned } of largestFirst) {
    const { finish } = planned;
    if (!finish) continue;
    const scanned = previousScan.then(async (): Promise<PlannedFile> => {
      const source = await finish();
      return { ...planned, source: source.path, longestLine: source.longestLine, readAs: delimitedReadAs(source.readAs, planned.delimiter), finish: undefined };
    });
    scanned.catch(() => {}); // awaited by its job; a job never started (after a failure) must not leave it unhandled
    scans.set(planned.file, scanned);
    previousScan = scanned.catch(() => {});
  }

  const loadOne = async (connection: DuckDBConnection, job: (typeof work)[number]): Promise<void> => {
    const { table } = job;
    const planned = (await scans.get(job.planned.file)) ?? job.planned;
    options.onEvent?.({ type: 'file-start', file: planned.file, format: planned.format.name, bytes: planned.bytes });
    const loaded = await loadFile(connection, planned, table, (fraction) => options.onEvent?.({ type: 'file-progress', file: planned.file, fraction }));
    loadedFiles.set(planned.file, loaded);
    const detected = await detectColumnFormats(connection, loaded, { sourceTimeZones: options.sourceTimeZones ?? {}, dateOrder: options.dateOrder ?? 'month_first' });
    detections.set(planned.file, detected);
    const renamedNote = Object.keys(job.renamed).length > 0 ? `columns matched by another name: ${Object.entries(job.renamed).map(([from, to]) => `"${from}" → ${to}`).join(', ')}` : null;
    const report: FileReport = {
      ...baseReport(planned, job.renamed, job.ignored),
      detectedColumns: detected.map(record),
      status: 'loaded',
      rowsRead: loaded.rowsLoaded + loaded.rowsQuarantined,
      rowsLoaded: loaded.rowsLoaded,
      rowsQuarantined: loaded.rowsQuarantined,
      rowsDuplicate: 0,
      note: renamedNote,
    };
    reports.set(planned.file, report);
    options.onEvent?.({ type: 'file-done', report });
  };
  await runPool(connection, options, largestFirst, loadOne);

  // Later steps (duplicates across files, the raw views) read the files in input order.
  const loadedByFormat = new Map<string, LoadedFile[]>();
  for (const job of work) {
    const loaded = loadedFiles.get(job.planned.file);
    if (loaded) loadedByFormat.set(job.planned.format.name, [...(loadedByFormat.get(job.planned.format.name) ?? []), loaded]);
  }

  for (const format of formats) {
    const duplicateCounts = await createRawRelation(connection, format, loadedByFormat.get(format.name) ?? [], detections);
    for (const [file, count] of duplicateCounts) {
      const report = reports.get(file);
      if (report && count > 0) reports.set(file, { ...report, rowsDuplicate: count });
    }
  }
  const ordered = prepared.order.map((file) => reports.get(file)).filter((r): r is FileReport => r !== undefined);
  await recordFiles(connection, ordered);
  return ordered;
}

function baseReport(planned: PlannedFile, renamed: Record<string, string>, ignored: string[]) {
  return {
    file: planned.file,
    format: planned.format.name,
    bytes: planned.bytes,
    missingColumns: [],
    renamedColumns: renamed,
    ignoredColumns: ignored,
    readAs: planned.readAs,
    detectedColumns: [],
  };
}

function record(detection: ColumnDetection): DetectedColumn {
  const { convert, ...rest } = detection;
  return { ...rest, converted: convert !== null };
}

function emptyReport(file: string, bytes: number): FileReport {
  return { file, format: null, status: 'empty', bytes, rowsRead: 0, rowsLoaded: 0, rowsQuarantined: 0, rowsDuplicate: 0, note: null, missingColumns: [], renamedColumns: {}, ignoredColumns: [], readAs: null, detectedColumns: [] };
}

/**
 * Runs `run` over `jobs` in order on `main` and, when `options.connect` is given, on
 * `concurrency - 1` more connections. The first failure stops handing out jobs and is thrown
 * once the jobs already running have ended.
 */
async function runPool<T>(main: DuckDBConnection, options: LoadOptions, jobs: readonly T[], run: (connection: DuckDBConnection, job: T) => Promise<void>): Promise<void> {
  const width = options.connect ? Math.max(1, Math.min(options.concurrency ?? 2, jobs.length)) : 1;
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (connection: DuckDBConnection): Promise<void> => {
    while (!failure && next < jobs.length) {
      const job = jobs[next++] as T;
      try {
        await run(connection, job);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  const extra: DuckDBConnection[] = [];
  try {
    for (let i = 1; i < width; i++) extra.push(await (options.connect as () => Promise<DuckDBConnection>)());
    await Promise.all([worker(main), ...extra.map(worker)]);
  } finally {
    for (const connection of extra) connection.closeSync();
  }
  if (failure) throw failure.error;
}

/** `raw._load_files`: one row per input file and what happened to it (for build_info and data quality). */
async function recordFiles(connection: DuckDBConnection, reports: readonly FileReport[]): Promise<void> {
  await connection.run(`create or replace table raw._load_files (file varchar, format varchar, status varchar, bytes bigint, rows_read bigint,
    rows_loaded bigint, rows_quarantined bigint, rows_duplicate bigint, note varchar, read_as varchar)`);
  const nullable = (v: string | null): string => (v === null ? 'null' : literal(v));
  for (let i = 0; i < reports.length; i += 500) {
    const values = reports
      .slice(i, i + 500)
      .map((r) => `(${literal(r.file)}, ${nullable(r.format)}, ${literal(r.status)}, ${r.bytes}, ${r.rowsRead}, ${r.rowsLoaded - r.rowsDuplicate}, ${r.rowsQuarantined}, ${r.rowsDuplicate}, ${nullable(r.note)}, ${nullable(r.readAs ?? null)})`);
    await connection.run(`insert into raw._load_files values ${values.join(', ')}`);
  }
  // Per file and typed column, the written format detected (the guard's "formats tried" and example).
  await connection.run(`create or replace table raw._load_columns (file varchar, format varchar, column_name varchar, type varchar, detected varchar,
    decided_by varchar, formats_tried varchar[], example varchar, unfit_example varchar, values_sampled bigint, values_fitting bigint, converted boolean)`);
  const rows = reports.flatMap((r) =>
    (r.detectedColumns ?? []).map(
      (c) =>
        `(${literal(r.file)}, ${nullable(r.format)}, ${literal(c.column)}, ${literal(c.type)}, ${literal(c.detected)}, ${literal(c.decidedBy)}, [${c.tried.map(literal).join(', ')}]::varchar[], ${nullable(c.example)}, ${nullable(c.unfitExample)}, ${c.sampled}, ${c.fitting}, ${c.converted})`,
    ),
  );
  for (let i = 0; i < rows.length; i += 500) await connection.run(`insert into raw._load_columns values ${rows.slice(i, i + 500).join(', ')}`);
}

const DELIMITER_NAMES: Readonly<Record<string, string>> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

function delimitedReadAs(readAs: string, delimiter: string): string {
  return `${readAs}, ${DELIMITER_NAMES[delimiter] ?? `"${delimiter}"`}-delimited`;
}

async function classify(source: InputSource, formats: readonly ExportFormat[]): Promise<Classified | InputError> {
  const { file } = source;
  const head = await readHead(source.path);
  const readAs = head.kind === 'csv' ? delimitedReadAs(source.readAs, head.delimiter) : source.readAs;
  const report = (fields: Pick<FileReport, 'format' | 'status' | 'note'> & Partial<FileReport>): Classified => ({
    kind: 'report',
    report: { ...emptyReport(file, head.bytes), readAs, ...fields },
  });
  const empty = (note: string, format: string | null = null): Classified => report({ format, status: 'empty', note });
  if (head.kind === 'empty') return empty(head.bytes === 0 ? 'empty file (0 bytes)' : 'empty file (only blank lines)');
  if (head.kind === 'not-csv') return new InputError({ file, line: 1, problem: `not a CSV export: ${head.why}`, expected: 'a CSV file with a header row' });
  const unused = matchUnusedObject(head.header);
  if (unused) return report({ format: null, status: 'skipped', note: `a ${unused.system} ${unused.object} export, which Closedloop does not use; not read` });
  const detection = detectFormat(head.header, formats);
  if (detection.kind === 'unknown') {
    const closest = detection.closest;
    const lacks = closest ? closest.missingRequired.map((c) => c.name) : [];
    const note = closest
      ? `matches no known export; closest is ${closest.format.name} (${closest.format.system} ${closest.format.entity}), which needs ${lacks.map((c) => `"${c}"`).join(', ') || 'more of its columns'}`
      : 'matches no known export (no header field is a known column)';
    return report({ format: closest?.format.name ?? null, status: 'skipped', note, missingColumns: lacks });
  }
  const { match } = detection;
  if (detection.kind === 'incomplete') {
    const missing = match.missingRequired[0];
    const column = missing?.name ?? '?';
    const near = missing ? closestHeader(missing, match.unmapped) : undefined;
    const alternatives = missing && missing.aliases.length > 0 ? ` (or ${missing.aliases.map((a) => `"${a}"`).join(', ')})` : '';
    const others = match.missingRequired.slice(1).map((c) => `"${c.name}"`);
    return new InputError({
      file,
      line: 1,
      column,
      problem: `looks like a ${match.format.system} ${match.format.entity} export but the header has no required column "${column}"${near ? `; the closest header is "${near}"` : ''}${others.length > 0 ? `; also missing ${others.join(', ')}` : ''}`,
      expected: `a header field named "${column}"${alternatives}`,
    });
  }
  if (head.headerOnly) return empty('header only, no records', match.format.name);
  const renamed: Record<string, string> = Object.fromEntries(match.renamed);
  return {
    kind: 'plan',
    planned: { file, source: source.path, longestLine: source.longestLine, readAs, format: match.format, delimiter: head.delimiter, header: head.header, columnIndex: match.columnIndex, bytes: head.bytes, finish: source.finish },
    renamed,
    ignored: [...match.unmapped],
  };
}

/** Files of one format with identical bytes: later ones map to the first. Hashes only files that share a size. */
async function findDuplicateFiles(classified: readonly Classified[]): Promise<Map<string, string>> {
  const bySize = new Map<string, PlannedFile[]>();
  for (const item of classified) {
    if (item.kind !== 'plan') continue;
    const key = `${item.planned.format.name}:${item.planned.bytes}`;
    bySize.set(key, [...(bySize.get(key) ?? []), item.planned]);
  }
  const duplicates = new Map<string, string>();
  for (const group of bySize.values()) {
    if (group.length < 2) continue;
    const firstByHash = new Map<string, string>();
    for (const planned of group) {
      const hash = await hashFile(planned.source);
      const first = firstByHash.get(hash);
      if (first === undefined) firstByHash.set(hash, planned.file);
      else duplicates.set(planned.file, first);
    }
  }
  return duplicates;
}

function hashFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/**
 * `raw.<format>`: a view over the union of the format's per-file tables (an empty table when
 * no file has the format). Exact duplicate records across files — identical in every
 * canonical column, e.g. the same export loaded twice or overlapping date ranges — are kept
 * once, from the first file in input order: candidates share the first column's value in
 * two files (usually the record id), confirmed by comparing all columns, and removed from the later files' tables.
 * Within one file, records are kept as exported (staging dedupes by id).
 * Returns the duplicates dropped per file.
 */
async function createRawRelation(
  connection: DuckDBConnection,
  format: ExportFormat,
  loaded: readonly LoadedFile[],
  detections: ReadonlyMap<string, readonly ColumnDetection[]>,
): Promise<Map<string, number>> {
  const target = `raw.${ident(format.name)}`;
  const canonical = format.columns.map((c) => ident(c.name));
  if (loaded.length === 0) {
    await connection.run(`create table ${target} (${[...canonical.map((c) => `${c} varchar`), '_file varchar', '_line bigint'].join(', ')})`);
    return new Map();
  }
  const relations = new Map(loaded.map((file) => [file.table, file.relation]));
  const selectFile = (file: LoadedFile): string => {
    const columns = format.columns.map((column) => {
      const index = file.planned.columnIndex.get(column.name);
      const stored = index === undefined ? undefined : file.storedColumns[index];
      // Empty fields are stored as '' in raw_files (exactly as exported); raw shows them as NULL.
      if (stored === undefined) return `null::varchar as ${ident(column.name)}`;
      const value = `nullif(${ident(stored)}, '')`;
      // A typed column written another way than staging reads (Excel's dates, a decimal
      // comma) is converted here, per file, with the format detected from its values.
      const convert = detections.get(file.planned.file)?.find((d) => d.column === column.name)?.convert;
      return `${convert ? convert(value) : value} as ${ident(column.name)}`;
    });
    return `select ${columns.join(', ')}, ${literal(file.planned.file)} as _file, _line from ${relations.get(file.table) ?? file.relation}`;
  };
  const dropped = new Map<string, number>();
  if (loaded.length > 1) {
    const keyed = loaded.map((file, order) => `select *, ${order}::bigint as _order from (${selectFile(file)})`).join(' union all ');
    // Identical records share their first column (usually the record id): a cheap, complete
    // filter, computed over that column alone. (A CTE of the whole union used twice was
    // materialised by DuckDB: ~4 s for the 10M Marketo activities at 1M leads.)
    const first = canonical[0];
    const firstColumn = format.columns[0]?.name;
    const narrow = loaded
      .map((file, order) => {
        const index = firstColumn === undefined ? undefined : file.planned.columnIndex.get(firstColumn);
        const stored = index === undefined ? undefined : file.storedColumns[index];
        return `select ${stored === undefined ? 'null::varchar' : `nullif(${ident(stored)}, '')`} as k, ${order}::bigint as _order from raw_files.${ident(file.table)}`;
      })
      .join(' union all ');
    const duplicates = await queryRows<{ order: number; line: number }>(
      connection,
      `with candidates as (select hash(k) as h from (${narrow}) group by h having min(_order) <> max(_order)),
            ranked as (
              select _order, _line, row_number() over (partition by ${canonical.join(', ')} order by _order, _line) as rn
                from (${keyed}) u where hash(${first ?? "''"}) in (select h from candidates))
       select _order as "order", _line as line from ranked where rn > 1 order by _order, _line`,
    );
    for (const [order, file] of loaded.entries()) {
      const lines = duplicates.filter((d) => d.order === order).map((d) => d.line);
      if (lines.length === 0) continue;
      dropped.set(file.planned.file, lines.length);
      const kept = `raw_files.${ident(`${file.table}__kept`)}`;
      await connection.run(`create temp table _dropped_lines as select unnest([${lines.join(', ')}]::bigint[]) as line`);
      await connection.run(
        `create table ${kept} as select * from ${relations.get(file.table) ?? file.relation} where _line not in (select line from _dropped_lines);
         drop table _dropped_lines; drop table raw_files.${ident(file.table)}; drop table if exists raw_files.${ident(`${file.table}__lines`)};
         alter table ${kept} rename to ${ident(file.table)}`,
      );
      relations.set(file.table, `raw_files.${ident(file.table)}`);
    }
  }
  await connection.run(`create view ${target} as ${loaded.map((file) => selectFile(file)).join(' union all ')}`);
  return dropped;
}

/**
 * After the build has read the raw layer: drops the `raw.<format>` views (they read
 * `raw_files`, which does not outlive the build) and detaches `raw_files`, freeing its memory
 * and spill. `raw._load_*` stay: small tables of what the load did.
 */
export async function releaseRawFiles(connection: DuckDBConnection): Promise<void> {
  const views = await queryRows<{ name: string }>(
    connection,
    `select view_name as name from duckdb_views() where database_name = current_database() and schema_name = 'raw' and not internal`,
  );
  for (const { name } of views) await connection.run(`drop view raw.${ident(name)}`);
  await connection.run('detach database if exists raw_files');
}
