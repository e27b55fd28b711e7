import { open } from 'node:fs/promises';

/** What the first bytes of a file say about it, before any format is considered. */
export type FileHead =
  | { readonly kind: 'empty'; readonly bytes: number }
  | { readonly kind: 'not-csv'; readonly bytes: number; readonly why: string }
  | {
      readonly kind: 'csv';
      readonly bytes: number;
      readonly bom: boolean;
      readonly delimiter: string;
      readonly header: readonly string[];
      /** True when nothing but blank lines follows the header row. */
      readonly headerOnly: boolean;
    };

const HEAD_BYTES = 64 * 1024;
const DELIMITERS = [',', ';', '\t', '|'] as const;

/** Read the start of a file: BOM, delimiter (sniffed from the header row), header fields. */
export async function readHead(path: string): Promise<FileHead> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.alloc(Math.min(HEAD_BYTES, size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return inspectHead(buffer.subarray(0, bytesRead), size);
  } finally {
    await handle.close();
  }
}

/** The pure part of `readHead`, for tests: `bytes` is the start of a file of `size` bytes. */
export function inspectHead(bytes: Buffer, size: number): FileHead {
  if (size === 0) return { kind: 'empty', bytes: 0 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { kind: 'not-csv', bytes: size, why: 'it is UTF-16 text (save the export as UTF-8 CSV)' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { kind: 'not-csv', bytes: size, why: 'it is UTF-16 text (save the export as UTF-8 CSV)' };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  if (body.includes(0)) return { kind: 'not-csv', bytes: size, why: 'it is a binary file (it contains NUL bytes)' };
  const text = body.toString('utf8');
  if (text.includes('\uFFFD') && replacementShare(text) > 0.01) return { kind: 'not-csv', bytes: size, why: 'it is not UTF-8 text' };
  const trimmed = text.trimStart();
  if (trimmed === '') return { kind: 'empty', bytes: size };
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return { kind: 'not-csv', bytes: size, why: 'it looks like JSON, not CSV' };
  if (trimmed.startsWith('<')) return { kind: 'not-csv', bytes: size, why: 'it looks like XML/HTML, not CSV' };
  const headerEnd = endOfFirstRecord(text);
  const headerText = text.slice(0, headerEnd).replace(/\r?\n$/, '');
  const delimiter = sniffDelimiter(headerText);
  const header = splitRecord(headerText, delimiter).map((field) => field.trim());
  const rest = text.slice(headerEnd);
  const headerOnly = bytes.length >= size && rest.trim() === '';
  return { kind: 'csv', bytes: size, bom, delimiter, header, headerOnly };
}

function replacementShare(text: string): number {
  let count = 0;
  for (const ch of text) if (ch === '\uFFFD') count += 1;
  return count / text.length;
}

/** Index just past the first record's line break, honouring quotes (a quoted header may span lines). */
function endOfFirstRecord(text: string): number {
  let inQuotes = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === '\n' && !inQuotes) return i + 1;
  }
  return text.length;
}

/** The delimiter that splits the header row into the most fields (outside quotes); `,` by default. */
export function sniffDelimiter(headerLine: string): string {
  let best: string = ',';
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    const count = splitRecord(headerLine, delimiter).length - 1;
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

/** Split one CSV record (RFC 4180 quoting, `""` as an escaped quote). */
export function splitRecord(record: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = '';
  let inQuotes = false;
  for (let i = 0; i < record.length; i += 1) {
    const ch = record[i];
    if (inQuotes) {
      if (ch === '"' && record[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') inQuotes = false;
      else field += ch;
    } else if (ch === '"') inQuotes = true;
    else if (ch === delimiter) {
      fields.push(field);
      field = '';
    } else if (ch !== '\r') field += ch;
  }
  fields.push(field);
  return fields;
}
