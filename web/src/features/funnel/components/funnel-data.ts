// Funnel data → chart inputs and tables (pure; unit-tested).
import type { CategoryChartInput } from '../../../lib/chart-options';
import { memberFormat, memberTitle } from '../../../lib/cube-meta';
import type { CubeMeta } from '../../../lib/cube-meta';
import { formatPeriod } from '../../../lib/format';
import type { ValueFormat } from '../../../lib/format';
import type { TableData } from '../../../lib/table';
import type { BreakdownRow } from '../api/get-breakdown';
import type { TrendPoint } from '../api/get-monthly-trend';
import { FUNNEL } from '../api/members';

/** Title and format of a measure: the model's, via /meta (the member name while it loads). */
function measureColumn(meta: CubeMeta | undefined, member: string): { title: string; format: ValueFormat } {
  return { title: memberTitle(meta, member, member), format: memberFormat(meta, member, 'number') };
}

const TREND_SERIES = [FUNNEL.mqlCount, FUNNEL.sqlCount, FUNNEL.wonCount] as const;

/** The series of the trend chart, in order; the target is last and only there when known. */
export function trendChartInput(points: readonly TrendPoint[], meta: CubeMeta | undefined, large?: boolean, targets?: ReadonlyMap<string, number> | null): CategoryChartInput {
  const target = targets && targets.size > 0 ? [{ name: 'MQL target', values: points.map((p) => targets.get(p.month) ?? null), kind: 'line' as const, format: 'integer' as const, color: '#000000', dashed: true }] : [];
  return {
    categories: points.map((p) => formatPeriod(p.month, 'month')),
    series: [
      ...TREND_SERIES.map((m) => ({ name: measureColumn(meta, m).title, values: points.map((p) => p.values[m] ?? null), kind: 'line' as const, format: measureColumn(meta, m).format })),
      ...target,
    ],
    format: measureColumn(meta, FUNNEL.mqlCount).format,
    large: large ?? false,
  };
}

export function trendTable(points: readonly TrendPoint[], meta: CubeMeta | undefined, targets?: ReadonlyMap<string, number> | null): TableData {
  const withTargets = Boolean(targets && targets.size > 0);
  return {
    columns: [
      { key: 'month', title: memberTitle(meta, FUNNEL.mqlDate, FUNNEL.mqlDate), format: 'month' },
      ...TREND_SERIES.map((m) => ({ key: m, ...measureColumn(meta, m) })),
      ...(withTargets ? [{ key: 'target', title: 'MQL target', format: 'integer' as const }] : []),
    ],
    rows: points.map((p) => ({ month: p.month, ...p.values, ...(withTargets ? { target: targets?.get(p.month) ?? null } : {}) })),
  };
}

export const BREAKDOWN_SERIES = [FUNNEL.mqlCount, FUNNEL.sqlCount, FUNNEL.wonCount] as const;

export function breakdownChartInput(rows: readonly BreakdownRow[], meta: CubeMeta | undefined, large?: boolean): CategoryChartInput {
  return {
    categories: rows.map((r) => r.key),
    series: BREAKDOWN_SERIES.map((m) => ({ name: measureColumn(meta, m).title, values: rows.map((r) => r.values[m] ?? null), format: measureColumn(meta, m).format })),
    horizontal: true,
    format: measureColumn(meta, FUNNEL.mqlCount).format,
    large: large ?? false,
  };
}

export function breakdownTable(rows: readonly BreakdownRow[], dimensionTitle: string, meta: CubeMeta | undefined): TableData {
  return {
    columns: [
      { key: 'key', title: dimensionTitle, format: 'text' },
      ...[...BREAKDOWN_SERIES, FUNNEL.wonAmount].map((m) => ({ key: m, ...measureColumn(meta, m) })),
    ],
    rows: rows.map((r) => ({ key: r.key, ...r.values })),
  };
}
