// Number and date formatting, driven by the model's `format` (Cube meta) where there is one.
// Rates arrive as fractions (format: percent) and are shown as percentages.

export type ValueFormat = 'number' | 'integer' | 'percent' | 'currency' | 'days' | 'hours';

const EMPTY = '—';

/** Cube returns numbers as strings; null, '' and non-numbers become null. */
export function toNumber(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

/** The units a member's `meta.unit` in the model may give a plain number (hours to first touch, days in stage). */
const UNITS: Readonly<Record<string, ValueFormat>> = { hours: 'hours', days: 'days' };

/**
 * Maps a Cube member's meta to how the dashboard formats it: `format` (`percent`, `currency`,
 * also Cube's named `percent_1`, `currency_0`…), `meta.unit` (`hours`, `days`), counts as integers.
 */
export function formatFromMeta(meta: { format?: unknown; aggType?: unknown; meta?: unknown } | undefined, fallback: ValueFormat = 'number'): ValueFormat {
  if (meta?.format === 'number_0') return 'integer';
  const format = typeof meta?.format === 'string' ? meta.format.replace(/_\d$/, '') : null;
  if (format === 'percent') return 'percent';
  if (format === 'currency') return 'currency';
  const unit = meta?.meta !== null && typeof meta?.meta === 'object' ? (meta.meta as { unit?: unknown }).unit : undefined;
  if (typeof unit === 'string' && UNITS[unit]) return UNITS[unit];
  if (meta?.aggType === 'count' || meta?.aggType === 'countDistinct') return 'integer';
  return fallback;
}

export interface FormatOptions {
  /** Short form for tiles and axis labels: 1.2K, $3.4M. */
  readonly compact?: boolean;
  readonly currency?: string;
  readonly locale?: string;
}

export function formatValue(value: number | null | undefined, format: ValueFormat, options: FormatOptions = {}): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return EMPTY;
  const locale = options.locale ?? 'en-US';
  const compact = options.compact ?? false;
  switch (format) {
    case 'percent':
      return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
    case 'currency':
      return new Intl.NumberFormat(locale, {
        style: 'currency',
        currency: options.currency ?? 'USD',
        notation: compact ? 'compact' : 'standard',
        maximumFractionDigits: compact ? 1 : 0,
      }).format(value);
    case 'integer':
      return new Intl.NumberFormat(locale, { notation: compact ? 'compact' : 'standard', maximumFractionDigits: compact ? 1 : 0 }).format(value);
    case 'days':
      return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)} d`;
    case 'hours':
      return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)} h`;
    case 'number':
      return new Intl.NumberFormat(locale, { notation: compact ? 'compact' : 'standard', maximumFractionDigits: compact ? 1 : 2 }).format(value);
  }
}

export interface Delta {
  readonly text: string;
  /** up, down or flat; null when there is nothing to compare. */
  readonly direction: 'up' | 'down' | 'flat' | null;
}

/**
 * Change against the previous period: percentage points for rates, relative change for the rest.
 */
export function formatDelta(current: number | null, previous: number | null, format: ValueFormat): Delta {
  if (current === null || previous === null) return { text: 'no previous data', direction: null };
  if (format === 'percent') {
    const pp = (current - previous) * 100;
    const rounded = Math.round(pp * 10) / 10;
    if (rounded === 0) return { text: '±0.0 pp', direction: 'flat' };
    return { text: `${rounded > 0 ? '+' : '−'}${Math.abs(rounded).toFixed(1)} pp`, direction: rounded > 0 ? 'up' : 'down' };
  }
  if (previous === 0) {
    if (current === 0) return { text: '±0%', direction: 'flat' };
    return { text: 'new', direction: 'up' };
  }
  const change = ((current - previous) / Math.abs(previous)) * 100;
  const rounded = Math.round(change * 10) / 10;
  if (rounded === 0) return { text: '±0%', direction: 'flat' };
  return { text: `${rounded > 0 ? '+' : '−'}${Math.abs(rounded).toFixed(1)}%`, direction: rounded > 0 ? 'up' : 'down' };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Formats a Cube time-dimension value (`2026-03-01T00:00:00.000`) at a granularity. */
export function formatPeriod(value: string | null | undefined, granularity: 'day' | 'week' | 'month' | 'quarter' | 'year'): string {
  if (!value) return EMPTY;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return value;
  const [, y, mo, d] = m;
  const monthName = MONTHS[Number(mo) - 1] ?? mo;
  switch (granularity) {
    case 'year':
      return `${y}`;
    case 'quarter':
      return `Q${Math.floor((Number(mo) - 1) / 3) + 1} ${y}`;
    case 'month':
      return `${monthName} ${y}`;
    case 'week':
      return `Wk ${Number(d)} ${monthName} ${y}`;
    case 'day':
      return `${Number(d)} ${monthName} ${y}`;
  }
}

/** Formats a timestamp for tables: `2026-03-04 14:05` (UTC, as the warehouse stores it). */
export function formatTimestamp(value: string | null | undefined): string {
  if (!value) return EMPTY;
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?/.exec(value);
  if (!m) return value;
  return m[2] && m[2] !== '00:00' ? `${m[1]} ${m[2]}` : `${m[1]}`;
}
