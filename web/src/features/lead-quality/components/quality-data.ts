// Lead-quality data → chart inputs and tables (pure; unit-tested). Members' titles and formats
// come from the model (/meta).
import type { CategoryChartInput } from '../../../lib/chart-options';
import { memberColumn, memberSeries } from '../../../lib/cube-meta';
import type { CubeMeta } from '../../../lib/cube-meta';
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
export function reasonChartInput(meta: CubeMeta, totals: readonly Total[], large?: boolean): CategoryChartInput {
  const rejected = memberSeries(meta, QUALITY.rejectedCount);
  const unmapped = totals.some((t) => t.key === UNMAPPED_LABEL);
  const mapped = { ...rejected, values: totals.map((t) => (t.key === UNMAPPED_LABEL ? null : t.count)), color: '#D55E00', stack: 'reasons' };
  const other = { name: 'Not mapped by the agreement', format: rejected.format, values: totals.map((t) => (t.key === UNMAPPED_LABEL ? t.count : null)), color: '#8C8C8C', stack: 'reasons' };
  return {
    categories: totals.map((t) => t.key),
    series: unmapped ? [mapped, other] : [{ ...rejected, values: totals.map((t) => t.count), color: '#D55E00' }],
    horizontal: true,
    format: rejected.format,
    labels: true,
    large: large ?? false,
  };
}

export function reasonTable(meta: CubeMeta, totals: readonly Total[]): TableData {
  return {
    columns: [memberColumn(meta, QUALITY.rejectionReason, 'key'), memberColumn(meta, QUALITY.rejectedCount, 'count')],
    rows: totals.map((t) => ({ ...t })),
  };
}

/** Channels as categories (most rejections first), one stacked series per reason. */
export function byChannelChartInput(meta: CubeMeta, cells: readonly RejectionCell[], large?: boolean): CategoryChartInput {
  const { format } = memberSeries(meta, QUALITY.rejectedCount);
  const channels = totalsBy(cells, 'channel').map((t) => t.key);
  const reasons = totalsBy(cells, 'reason').map((t) => t.key);
  const lookup = new Map(cells.map((c) => [`${c.channel}\u0000${c.reason}`, c.count]));
  return {
    categories: channels,
    series: reasons.map((reason) => ({
      name: reason,
      values: channels.map((ch) => lookup.get(`${ch}\u0000${reason}`) ?? 0),
      stack: 'reasons',
      format,
    })),
    horizontal: true,
    format,
    large: large ?? false,
  };
}

export function byChannelTable(meta: CubeMeta, cells: readonly RejectionCell[]): TableData {
  const reasons = totalsBy(cells, 'reason').map((t) => t.key);
  const channels = totalsBy(cells, 'channel');
  const rejected = memberColumn(meta, QUALITY.rejectedCount, 'total');
  return {
    columns: [
      memberColumn(meta, QUALITY.channel, 'channel'),
      // One column per reason (a value of the rejection reason), then the measure's total.
      ...reasons.map((r) => ({ key: `reason:${r}`, title: r, format: rejected.format })),
      { ...rejected, title: `${rejected.title} (total)` },
    ],
    rows: channels.map((ch) => ({
      channel: ch.key,
      ...Object.fromEntries(reasons.map((r) => [`reason:${r}`, cells.find((c) => c.channel === ch.key && c.reason === r)?.count ?? 0])),
      total: ch.count,
    })),
  };
}

export const CONVERSION_SERIES = [QUALITY.acceptanceRate, QUALITY.mqlToSqlRate] as const;

export function conversionChartInput(meta: CubeMeta, rows: readonly ConversionRow[], large?: boolean): CategoryChartInput {
  return {
    categories: rows.map((r) => r.key),
    series: CONVERSION_SERIES.map((m) => ({ ...memberSeries(meta, m), values: rows.map((r) => r.values[m]) })),
    horizontal: true,
    format: memberSeries(meta, QUALITY.acceptanceRate).format,
    large: large ?? false,
  };
}

/** `dimension`: the member the rows are keyed by (channel or campaign). */
export function conversionTable(meta: CubeMeta, rows: readonly ConversionRow[], dimension: string): TableData {
  return {
    columns: [
      memberColumn(meta, dimension, 'key'),
      ...[QUALITY.mqlCount, QUALITY.acceptanceRate, QUALITY.mqlToSqlRate, QUALITY.closeRate, QUALITY.rejectedCount].map((m) => memberColumn(meta, m)),
    ],
    rows: rows.map((r) => ({ key: r.key, ...r.values })),
  };
}

export function revenueChartInput(meta: CubeMeta, rows: readonly RevenueRow[], large?: boolean): CategoryChartInput {
  const won = memberSeries(meta, QUALITY.wonAmount);
  return {
    categories: rows.map((r) => r.key),
    series: [{ ...won, values: rows.map((r) => r.wonAmount), color: '#009E73' }],
    horizontal: true,
    format: won.format,
    labels: true,
    large: large ?? false,
  };
}

/** `dimension`: the member the rows are keyed by (original source, channel or campaign). */
export function revenueTable(meta: CubeMeta, rows: readonly RevenueRow[], dimension: string): TableData {
  return {
    columns: [memberColumn(meta, dimension, 'key'), memberColumn(meta, QUALITY.wonAmount, 'wonAmount'), memberColumn(meta, QUALITY.wonCount, 'wonCount')],
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
