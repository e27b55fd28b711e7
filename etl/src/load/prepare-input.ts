/**
 * Turns the input files as people send them into UTF-8 CSV files DuckDB can read, before any
 * header is matched: `.gz` is decompressed, a `.zip` (Salesforce's weekly Data Export) gives
 * one source per member, an `.xlsx` one per worksheet, and UTF-16 or Windows-1252 text is
 * transcoded. Every rewrite is streamed to a temp file under `workDir`; a UTF-8 file is read
 * in place. Each source keeps the name it is reported under (`_file`: the path, or
 * `<archive>/<member>`) and says how it was read.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isUtf8 } from 'node:buffer';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import iconv from 'iconv-lite';
import yauzl from 'yauzl';
import { InputError } from './input-error';
import { xlsxToCsv } from './xlsx-to-csv';

/** One readable CSV stream of records: a file, an archive member or a worksheet. */
export interface InputSource {
  /** The name records are reported under (`_file`): the input path, or `<archive>/<member>`. */
  readonly file: string;
  /** The UTF-8 bytes to read: the input itself, or a temp file. */
  readonly path: string;
  /** How it was read, for the build summary: archive member, encoding, transcoding. */
  readonly readAs: string;
  /** The longest line in bytes (DuckDB's reader needs its `max_line_size` above it). */
  readonly longestLine: number;
  /**
   * A UTF-8 file bigger than its head, read in place: the scan of the rest (valid UTF-8?
   * longest line?) is left to this, which the loader runs while other files load. It gives
   * the source to read (a transcoded temp file when invalid UTF-8 turns up), how it was
   * read and the longest line. Until then `longestLine` is only the head's.
   */
  readonly finish?: () => Promise<ScannedSource>;
}

export type ScannedSource = Pick<InputSource, 'path' | 'readAs' | 'longestLine'>;

/** An archive member that is not an export (a PDF attachment, a folder marker…). */
export interface SkippedMember {
  readonly file: string;
  readonly bytes: number;
  readonly note: string;
}

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'binary';

const HEAD_BYTES = 64 * 1024;
/** Members of an archive read as exports; the rest are listed as skipped. */
const EXPORT_MEMBER = /\.(csv|tsv|txt|gz|xlsx)$/i;

/**
 * Prepare every input file. Temp files go under `workDir` (the caller removes it).
 * Throws InputError for an archive that cannot be opened.
 */
export async function prepareInputs(files: readonly string[], workDir: string): Promise<{ sources: InputSource[]; skipped: SkippedMember[]; order: string[] }> {
  await mkdir(workDir, { recursive: true });
  const sources: InputSource[] = [];
  const skipped: SkippedMember[] = [];
  const order: string[] = [];
  let counter = 0;
  const temp = (name: string): string => join(workDir, `${String((counter += 1)).padStart(4, '0')}-${basename(name).replace(/[^\w.-]/g, '_')}`);

  const prepare = async (file: string, path: string, via: readonly string[]): Promise<void> => {
    const head = await readBytes(path, HEAD_BYTES);
    if (head[0] === 0x1f && head[1] === 0x8b) {
      const out = temp(file.replace(/\.gz$/i, ''));
      try {
        await pipeline(createReadStream(path), createGunzip(), createWriteStream(out));
      } catch (error) {
        throw new InputError({ file, problem: `is a damaged gzip file (${(error as Error).message})`, expected: 'a .gz file that gunzip can decompress' });
      }
      return prepare(file, out, [...via, 'gzip']);
    }
    if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
      const members = await listZip(file, path);
      if (members.some((m) => m.name === 'xl/workbook.xml')) {
        for (const sheet of await xlsxToCsv(path, (name) => temp(`${name}.csv`))) {
          const inner: InputSource = { file: `${file}/${sheet.name}`, path: sheet.path, readAs: [...via, `xlsx sheet "${sheet.name}"`, 'UTF-8'].join(', '), longestLine: sheet.longestLine };
          sources.push(inner);
          order.push(inner.file);
        }
        return;
      }
      for (const member of members) {
        const name = `${file}/${member.name}`;
        if (member.name.endsWith('/')) continue;
        if (member.name.split('/').some((part) => part.startsWith('.') || part === '__MACOSX')) continue;
        if (!EXPORT_MEMBER.test(member.name)) {
          skipped.push({ file: name, bytes: member.size, note: 'archive member is not a CSV, .gz or .xlsx export; not read' });
          order.push(name);
          continue;
        }
        const out = temp(member.name);
        await extractMember(file, path, member.name, out);
        await prepare(name, out, [...via, 'zip member']);
      }
      return;
    }
    const encoding = sniffEncoding(head);
    const size = (await stat(path)).size;
    let target = path;
    let readAs = encodingLabel(encoding);
    if (encoding === 'utf-16le' || encoding === 'utf-16be' || encoding === 'windows-1252') {
      target = temp(file);
      await transcode(path, encoding, target);
      readAs = `${readAs}, transcoded to UTF-8`;
    }
    // The head decides the encoding; the scan confirms the rest is UTF-8 too and measures
    // the longest line. A file whose first non-ASCII bytes come late is still caught there.
    const finish = async (): Promise<ScannedSource> => {
      let scan = await scanFile(target, size > HEAD_BYTES || target !== path);
      let source = target;
      let readAsNow = readAs;
      if (!scan.validUtf8 && target === path) {
        // Pure ASCII head, Windows-1252 further down (or a UTF-8 file with a few bad bytes).
        const asciiHead = !head.some((b) => b >= 0x80);
        source = temp(file);
        await transcode(path, asciiHead ? 'windows-1252' : 'utf-8', source);
        readAsNow = asciiHead ? 'Windows-1252, transcoded to UTF-8' : 'UTF-8 with invalid bytes (replaced by U+FFFD)';
        scan = await scanFile(source, true);
      }
      return { path: source, readAs: [...via, readAsNow].join(', '), longestLine: scan.longestLine };
    };
    if (target === path && size > HEAD_BYTES) {
      // Read in place: its header is in the head; the full scan can wait for the loader.
      sources.push({ file, path, readAs: [...via, readAs].join(', '), longestLine: 0, finish });
    } else {
      sources.push({ file, ...(await finish()) });
    }
    order.push(file);
  };

  for (const file of files) await prepare(file, file, []);
  return { sources, skipped, order };
}

/** The encoding the first bytes of a file show (a BOM, UTF-16's NUL pattern, invalid UTF-8). */
export function sniffEncoding(head: Buffer): Encoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const probe = head.subarray(0, 1024 & ~1);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < probe.length; i += 1) {
    if (probe[i] !== 0) continue;
    if (i % 2 === 0) evenZeros += 1;
    else oddZeros += 1;
  }
  const half = probe.length / 2;
  if (half > 0 && oddZeros > half * 0.3 && evenZeros < half * 0.05) return 'utf-16le';
  if (half > 0 && evenZeros > half * 0.3 && oddZeros < half * 0.05) return 'utf-16be';
  if (evenZeros + oddZeros > 0) return 'binary';
  return isUtf8(completeChars(head)) ? 'utf-8' : 'windows-1252';
}

function encodingLabel(encoding: Encoding): string {
  return { 'utf-8': 'UTF-8', 'utf-8-bom': 'UTF-8 with BOM', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE', 'windows-1252': 'Windows-1252', binary: 'binary' }[encoding];
}

/** The buffer without a multi-byte character cut off at its end. */
function completeChars(bytes: Buffer): Buffer {
  let end = bytes.length;
  let back = 0;
  while (end > 0 && back < 3 && ((bytes[end - 1] ?? 0) & 0xc0) === 0x80) {
    end -= 1;
    back += 1;
  }
  if (end > 0 && (bytes[end - 1] ?? 0) >= 0xc0) end -= 1;
  return bytes.subarray(0, end);
}

async function readBytes(path: string, length: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Stream `path` from `encoding` into a UTF-8 file (a BOM is dropped; invalid bytes become U+FFFD). */
async function transcode(path: string, encoding: 'utf-16le' | 'utf-16be' | 'windows-1252' | 'utf-8', out: string): Promise<void> {
  await mkdir(dirname(out), { recursive: true });
  await pipeline(createReadStream(path), iconv.decodeStream(encoding, { stripBOM: true }), createWriteStream(out, { encoding: 'utf8' }));
}

/**
 * One streaming pass over a file: is it valid UTF-8, and how long (in bytes) its longest line
 * is, exactly when it is longer than a chunk (else an upper bound of at most a chunk). Both
 * are cheap byte scans (memchr, simdutf). With `full` false only the head is read:
 * the file is no bigger than it, so the head already told.
 */
export async function scanFile(path: string, full: boolean): Promise<{ validUtf8: boolean; longestLine: number }> {
  let validUtf8 = true;
  let longest = 0;
  let current = 0;
  let carry: Buffer = Buffer.alloc(0);
  const stream = createReadStream(path, full ? { highWaterMark: 1 << 20 } : { highWaterMark: HEAD_BYTES, end: HEAD_BYTES - 1 });
  for await (const raw of stream as AsyncIterable<Buffer>) {
    // Only lines that cross a chunk boundary can be longer than a chunk (1 MB, below DuckDB's
    // 2 MB default): two memchr calls per chunk instead of one per line. A line inside one
    // chunk counts as the chunk's length at most.
    const first = raw.indexOf(0x0a);
    if (first < 0) current += raw.length;
    else {
      const last = raw.lastIndexOf(0x0a);
      longest = Math.max(longest, current + first, first === last ? 0 : Math.min(raw.length, last - first));
      current = raw.length - last - 1;
    }
    if (validUtf8) {
      const chunk = carry.length > 0 ? Buffer.concat([carry, raw]) : raw;
      const whole = completeChars(chunk);
      if (!isUtf8(whole)) validUtf8 = false;
      carry = Buffer.from(chunk.subarray(whole.length));
    }
  }
  if (carry.length > 0) validUtf8 = false;
  return { validUtf8, longestLine: Math.max(longest, current) };
}

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => yauzl.open(path, { lazyEntries: true, autoClose: false }, (error, zip) => (error ? reject(error) : resolve(zip))));
}

async function listZip(file: string, path: string): Promise<{ name: string; size: number }[]> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(path);
  } catch (error) {
    throw new InputError({ file, problem: `is a damaged zip archive (${(error as Error).message})`, expected: 'a .zip file that unzip can open' });
  }
  try {
    return await new Promise((resolve, reject) => {
      const members: { name: string; size: number }[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        members.push({ name: entry.fileName, size: entry.uncompressedSize });
        zip.readEntry();
      });
      zip.on('end', () => resolve(members.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))));
      zip.on('error', reject);
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
}

async function extractMember(file: string, path: string, member: string, out: string): Promise<void> {
  const zip = await openZip(path);
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== member) return zip.readEntry();
        zip.openReadStream(entry, (error, stream) => {
          if (error) return reject(error);
          pipeline(stream, createWriteStream(out)).then(resolve, reject);
        });
      });
      zip.on('end', () => reject(new Error(`member ${member} not found`)));
      zip.on('error', reject);
      zip.readEntry();
    });
  } catch (error) {
    throw new InputError({ file: `${file}/${member}`, problem: `cannot be extracted from the zip archive (${(error as Error).message})`, expected: 'an undamaged zip archive' });
  } finally {
    zip.close();
  }
}
