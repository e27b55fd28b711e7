/**
 * An `.xlsx` workbook (HubSpot or Salesforce report export) as one UTF-8 CSV per worksheet,
 * streamed with ExcelJS's reader (rows are never all in memory). Row 1 is the header.
 * Cell values are written as text: numbers in JavaScript's shortest form (`229800`, `0.25`),
 * dates as `YYYY-MM-DD HH:MM:SS` (Excel keeps no time zone: the system's source time zone
 * applies, as for any time without an offset), formulas as their cached result, rich text as
 * its plain text, errors as written (`#N/A`, so a typed column quarantines them).
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import ExcelJS from 'exceljs';

export interface SheetCsv {
  readonly name: string;
  readonly path: string;
  readonly longestLine: number;
}

export async function xlsxToCsv(path: string, tempFor: (sheet: string) => string): Promise<SheetCsv[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore' });
  const sheets: SheetCsv[] = [];
  for await (const worksheet of reader) {
    const name = (worksheet as unknown as { name?: string }).name ?? `Sheet${sheets.length + 1}`;
    const out = tempFor(name);
    const stream = createWriteStream(out, { encoding: 'utf8' });
    let longestLine = 0;
    let width = 0;
    for await (const row of worksheet) {
      const values = (row.values as unknown[]).slice(1).map(cellText);
      if (width === 0) width = values.length;
      while (values.length < width) values.push('');
      const line = values.map(quote).join(',');
      longestLine = Math.max(longestLine, Buffer.byteLength(line));
      if (!stream.write(`${line}\n`)) await once(stream, 'drain');
    }
    stream.end();
    await once(stream, 'finish');
    sheets.push({ name, path: out, longestLine });
  }
  return sheets;
}

/** One cell as CSV text. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return excelDate(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: unknown; formula?: unknown; sharedFormula?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((part) => part.text).join('');
    if ('formula' in v || 'sharedFormula' in v) return cellText(v.result);
    if (v.error !== undefined) return String(v.error);
    if (v.text !== undefined) return cellText(v.text);
  }
  return String(value);
}

/** Excel's serial date as wall-clock text, rounded to the second (serials carry float noise). */
function excelDate(date: Date): string {
  const rounded = new Date(Math.round(date.getTime() / 1000) * 1000);
  return rounded.toISOString().slice(0, 19).replace('T', ' ');
}

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}
