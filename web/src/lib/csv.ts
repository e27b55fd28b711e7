// CSV export (RFC 4180): every chart's data and every drill-down table.

export interface CsvColumn {
  readonly key: string;
  readonly title: string;
}

export type CsvValue = string | number | boolean | null | undefined;

/** Text cells that a spreadsheet would run as a formula get a leading apostrophe. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (typeof value === 'number') text = Number.isFinite(value) ? String(value) : '';
  else if (typeof value === 'boolean') text = value ? 'true' : 'false';
  else text = FORMULA_START.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Header row of titles, then one row per record; CRLF line ends. */
export function toCsv(columns: readonly CsvColumn[], rows: readonly Readonly<Record<string, CsvValue>>[]): string {
  const lines = [columns.map((c) => csvCell(c.title)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c.key])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

function download(name: string, href: string): void {
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}

/** Saves `csv` as `name` (a file name with its extension, e.g. from `exportFileName`). */
export function downloadCsv(name: string, csv: string): void {
  // A BOM so that spreadsheet programs read the file as UTF-8.
  const blob = new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  download(name, url);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saves a data URL as `name` (with its extension). */
export function downloadDataUrl(name: string, dataUrl: string): void {
  download(name, dataUrl);
}
