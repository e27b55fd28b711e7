// Lead-quality data → chart inputs and tables (pure; unit-tested).
import type { CategoryChartInput } from '../../../lib/chart-options';
import type { TableData } from '../../../lib/table';
import type { ConversionRow } from '../api/get-conversion';
import type { RevenueRow } from '../api/get-closed-loop-revenue';
import type { RejectionCell } from '../api/get-rejections';
import { QUALITY, UNMAPPED_LABEL } from '../api/members';

export interface Total {
  readonly key: string;
  readonly count: number;
}

/** Sums cells by one field, largest first (ties by name). */
export function totalsBy(cells: readonly RejectionCell[], field: 'reason' | 'channel'): Total[] {
  const sums = new Map<string, number>();
  for (const c of cells) sums.set(c[field], (sums.get(c[field]) ?? 0) + c.count);
  return [...sums].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** One bar per agreed reason; "Other (unmapped)" is its own grey series, so it stands apart. */
export function reasonChartInput(totals: readonly Total[], large?: boolean): CategoryChartInput {
  const unmapped = totals.some((t) => t.key === UNMAPPED_LABEL);
  const mapped = { name: 'Rejected leads', values: totals.map((t) => (t.key === UNMAPPED_LABEL ? null : t.count)), format: 'integer' as const, color: '#D55E00', stack: 'reasons' };
  const other = { name: 'Not mapped by the agreement', values: totals.map((t) => (t.key === UNMAPPED_LABEL ? t.count : null)), format: 'integer' as const, color: '#8C8C8C', stack: 'reasons' };
  return {
    categories: totals.map((t) => t.key),
    series: unmapped ? [mapped, other] : [{ name: 'Rejected leads', values: totals.map((t) => t.count), format: 'integer', color: '#D55E00' }],
    horizontal: true,
    format: 'integer',
    labels: true,
    large: large ?? false,
  };
}

export function reasonTable(totals: readonly Total[]): TableData {
  return {
    columns: [
      { key: 'key', title: 'Rejection reason', format: 'text' },
      { key: 'count', title: 'Rejected leads', format: 'integer' },
    ],
    rows: totals.map((t) => ({ ...t })),
  };
}

/** Channels as categories (most rejections first), one stacked series per reason. */
export function byChannelChartInput(cells: readonly RejectionCell[], large?: boolean): CategoryChartInput {
  const channels = totalsBy(cells, 'channel').map((t) => t.key);
  const reasons = totalsBy(cells, 'reason').map((t) => t.key);
  const lookup = new Map(cells.map((c) => [`${c.channel}\u0000${c.reason}`, c.count]));
  return {
    categories: channels,
    series: reasons.map((reason) => ({
      name: reason,
      values: channels.map((ch) => lookup.get(`${ch}\u0000${reason}`) ?? 0),
      stack: 'reasons',
      format: 'integer' as const,
    })),
    horizontal: true,
    format: 'integer',
    large: large ?? false,
  };
}

export function byChannelTable(cells: readonly RejectionCell[]): TableData {
  const reasons = totalsBy(cells, 'reason').map((t) => t.key);
  const channels = totalsBy(cells, 'channel');
  return {
    columns: [
      { key: 'channel', title: 'Channel', format: 'text' },
      ...reasons.map((r) => ({ key: `reason:${r}`, title: r, format: 'integer' as const })),
      { key: 'total', title: 'Total', format: 'integer' },
    ],
    rows: channels.map((ch) => ({
      channel: ch.key,
      ...Object.fromEntries(reasons.map((r) => [`reason:${r}`, cells.find((c) => c.channel === ch.key && c.reason === r)?.count ?? 0])),
      total: ch.count,
    })),
  };
}

export const CONVERSION_SERIES = [QUALITY.acceptanceRate, QUALITY.mqlToSqlRate] as const;

export function conversionChartInput(rows: readonly ConversionRow[], large?: boolean): CategoryChartInput {
  return {
    categories: rows.map((r) => r.key),
    series: [
      { name: 'Acceptance rate', values: rows.map((r) => r.values[QUALITY.acceptanceRate]), format: 'percent' },
      { name: 'MQL → SQL rate', values: rows.map((r) => r.values[QUALITY.mqlToSqlRate]), format: 'percent' },
    ],
    horizontal: true,
    format: 'percent',
    large: large ?? false,
  };
}

export function conversionTable(rows: readonly ConversionRow[], title: string): TableData {
  return {
    columns: [
      { key: 'key', title, format: 'text' },
      { key: QUALITY.mqlCount, title: 'MQLs', format: 'integer' },
      { key: QUALITY.acceptanceRate, title: 'Acceptance rate', format: 'percent' },
      { key: QUALITY.mqlToSqlRate, title: 'MQL → SQL rate', format: 'percent' },
      { key: QUALITY.closeRate, title: 'Close rate', format: 'percent' },
      { key: QUALITY.rejectedCount, title: 'Rejected', format: 'integer' },
    ],
    rows: rows.map((r) => ({ key: r.key, ...r.values })),
  };
}

export function revenueChartInput(rows: readonly RevenueRow[], large?: boolean): CategoryChartInput {
  return {
    categories: rows.map((r) => r.key),
    series: [{ name: 'Won revenue', values: rows.map((r) => r.wonAmount), format: 'currency', color: '#009E73' }],
    horizontal: true,
    format: 'currency',
    labels: true,
    large: large ?? false,
  };
}

export function revenueTable(rows: readonly RevenueRow[], title: string): TableData {
  return {
    columns: [
      { key: 'key', title, format: 'text' },
      { key: 'wonAmount', title: 'Won revenue', format: 'currency' },
      { key: 'wonCount', title: 'Won deals', format: 'integer' },
    ],
    rows: rows.map((r) => ({ ...r })),
  };
}

/** "hubspot NOT_A_FIT (12), salesforce Spam (4)" and ", and 3 more" beyond the first `max`. */
export function describeUnmappedReasons(reasons: readonly { readonly system: string; readonly raw: string; readonly count: number }[], max = 5): { text: string; more: string } {
  const text = reasons
    .slice(0, max)
    .map((r) => `${r.system} "${r.raw}" (${r.count.toLocaleString('en-US')})`)
    .join(', ');
  return { text, more: reasons.length > max ? `, and ${reasons.length - max} more` : '' };
}
