// Table model shared by chart data views and drill-down tables: columns, sorting, display.
import { formatPeriod, formatTimestamp, formatValue, toNumber } from './format';
import type { ValueFormat } from './format';
import type { CsvValue } from './csv';

export type ColumnFormat = ValueFormat | 'text' | 'timestamp' | 'month' | 'week' | 'boolean';

export interface TableColumn {
  readonly key: string;
  readonly title: string;
  readonly format: ColumnFormat;
  /** The row's key holding a URL: the cell links there, in a new tab (e.g. a lead's name → its CRM record). */
  readonly hrefKey?: string;
}

export type TableRow = Readonly<Record<string, CsvValue>>;

export interface TableData {
  readonly columns: readonly TableColumn[];
  readonly rows: readonly TableRow[];
}

export type SortDirection = 'asc' | 'desc';

export interface SortState {
  readonly key: string;
  readonly direction: SortDirection;
}

export function isNumericFormat(format: ColumnFormat): boolean {
  return format !== 'text' && format !== 'timestamp' && format !== 'month' && format !== 'week' && format !== 'boolean';
}

/** Sorts a copy: numbers numerically, text naturally, empty values last in both directions. */
export function sortRows(rows: readonly TableRow[], column: TableColumn, direction: SortDirection): TableRow[] {
  const numeric = isNumericFormat(column.format);
  const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  const sign = direction === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      const va = a.row[column.key];
      const vb = b.row[column.key];
      const ea = va === null || va === undefined || va === '';
      const eb = vb === null || vb === undefined || vb === '';
      if (ea || eb) return ea === eb ? a.index - b.index : ea ? 1 : -1;
      let cmp: number;
      if (numeric) cmp = (toNumber(va) ?? 0) - (toNumber(vb) ?? 0);
      else cmp = collator.compare(String(va), String(vb));
      return cmp === 0 ? a.index - b.index : sign * cmp;
    })
    .map((x) => x.row);
}

export function formatCell(value: CsvValue, format: ColumnFormat): string {
  switch (format) {
    case 'text':
      return value === null || value === undefined || value === '' ? '—' : String(value);
    case 'timestamp':
      return formatTimestamp(value === null || value === undefined ? null : String(value));
    case 'month':
      return formatPeriod(value === null || value === undefined ? null : String(value), 'month');
    case 'week':
      return formatPeriod(value === null || value === undefined ? null : String(value), 'week');
    case 'boolean':
      return value === true || value === 'true' ? 'yes' : value === false || value === 'false' ? 'no' : '—';
    default:
      return formatValue(toNumber(value), format);
  }
}

const RAW_SUFFIX: Partial<Record<ColumnFormat, string>> = { timestamp: '(ISO)', month: '(month start)', week: '(week start)' };

/**
 * A table as it goes into a CSV: every column formatted as on screen (37.5%, $1.2M, Oct 2026),
 * then, in extra columns after them, the raw values of the columns whose display differs (the
 * fraction 0.375, the amount 1234567, the ISO date) for spreadsheets to compute with.
 */
export function tableCsv(data: TableData): { readonly columns: { key: string; title: string }[]; readonly rows: TableRow[] } {
  const shown = data.columns.map((c) => ({ key: `${c.key}\u0000shown`, title: c.title }));
  const raw = data.columns
    .filter((c) => c.format !== 'text' && c.format !== 'boolean')
    .map((c) => ({ key: c.key, title: `${c.title} ${RAW_SUFFIX[c.format] ?? '(value)'}` }));
  // A linked column (a lead's name → its CRM record) exports its link too.
  const links = data.columns.flatMap((c) => (c.hrefKey ? [{ key: c.hrefKey, title: `${c.title} (link)` }] : []));
  const rows = data.rows.map((row) => {
    const out: Record<string, TableRow[string]> = { ...row };
    for (const c of data.columns) {
      const text = formatCell(row[c.key], c.format);
      out[`${c.key}\u0000shown`] = text === '—' && (row[c.key] === null || row[c.key] === undefined || row[c.key] === '') ? '' : text;
    }
    return out;
  });
  return { columns: [...shown, ...raw, ...links], rows };
}
