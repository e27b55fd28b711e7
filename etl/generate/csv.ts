// RFC 4180 CSV output: a field is quoted when it holds a comma, a double quote, CR or LF,
// or starts/ends with a space (so readers that trim cannot change it); quotes are doubled.
import { closeSync, openSync, writeSync } from 'node:fs';

const NEEDS_QUOTES = /[",\r\n]|^ | $/;

export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'string' ? value : String(value);
  if (s === '' || !NEEDS_QUOTES.test(s)) return s;
  return `"${s.replaceAll('"', '""')}"`;
}

export function csvRow(values: readonly (string | number | boolean | null | undefined)[]): string {
  let out = '';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ',';
    out += csvField(values[i]);
  }
  return out;
}

export interface CsvFileOptions {
  /** Start the file with a UTF-8 byte-order mark (as some tools' exports do). */
  readonly bom?: boolean;
  /** Line ending; default LF. */
  readonly eol?: '\n' | '\r\n';
  /** End the file with an empty line (as files saved by spreadsheet tools often do). */
  readonly trailingBlankLine?: boolean;
}

export interface CsvFile {
  readonly path: string;
  readonly header: readonly string[];
  /** Data rows written so far (header excluded). */
  readonly rowCount: number;
  /** Physical line (1 = header) on which the next row will start. */
  readonly nextLine: number;
  /** Writes one row of values, quoting as needed. */
  row(values: readonly (string | number | boolean | null | undefined)[]): void;
  /** Writes one already-encoded line (without line ending); counts as one row. */
  rawLine(line: string): void;
  close(): void;
}

const BUFFER_BYTES = 1 << 20;

/** Opens a CSV file for streaming: rows are encoded into a 1 MB buffer that is written when full. */
export function openCsvFile(path: string, header: readonly string[], options: CsvFileOptions = {}): CsvFile {
  const eol = options.eol ?? '\n';
  const fd = openSync(path, 'w');
  let buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  let used = 0;
  let rowCount = 0;
  let nextLine = 2;
  let closed = false;
  const flush = (): void => {
    let written = 0;
    while (written < used) written += writeSync(fd, buffer, written, used - written);
    used = 0;
  };
  const append = (text: string): void => {
    // UTF-16 length × 3 bounds the UTF-8 byte length (+ 2 for the line ending).
    const worst = text.length * 3 + 2;
    if (used + worst > buffer.length) {
      flush();
      if (worst > buffer.length) buffer = Buffer.allocUnsafe(worst);
    }
    used += buffer.write(text, used, 'utf8');
  };
  append((options.bom ? '\uFEFF' : '') + csvRow(header) + eol);
  const rawLine = (line: string): void => {
    if (closed) throw new Error(`write after close: ${path}`);
    append(line);
    used += buffer.write(eol, used, 'latin1');
    rowCount++;
    nextLine++;
    for (let at = line.indexOf('\n'); at !== -1; at = line.indexOf('\n', at + 1)) nextLine++;
  };
  return {
    path,
    header,
    get rowCount() {
      return rowCount;
    },
    get nextLine() {
      return nextLine;
    },
    row: (values) => rawLine(csvRow(values)),
    rawLine,
    close: () => {
      if (closed) return;
      if (options.trailingBlankLine) append(eol);
      flush();
      closeSync(fd);
      closed = true;
    },
  };
}
