// Funnel data → chart inputs and tables (pure; unit-tested).
import type { CategoryChartInput } from '../../../lib/chart-options';
import { formatPeriod } from '../../../lib/format';
import type { TableData } from '../../../lib/table';
import type { BreakdownRow } from '../api/get-breakdown';
import type { TrendPoint } from '../api/get-monthly-trend';
import { FUNNEL } from '../api/members';

export const SERIES_TITLES: Readonly<Record<string, string>> = {
  [FUNNEL.mqlCount]: 'MQLs',
  [FUNNEL.sqlCount]: 'SQLs',
  [FUNNEL.wonCount]: 'Won',
  [FUNNEL.wonAmount]: 'Won amount',
};

/** The series of the trend chart, in order; the target is last and only there when known. */
export function trendChartInput(points: readonly TrendPoint[], large?: boolean, targets?: ReadonlyMap<string, number> | null): CategoryChartInput {
  const target = targets && targets.size > 0 ? [{ name: 'MQL target', values: points.map((p) => targets.get(p.month) ?? null), kind: 'line' as const, format: 'integer' as const, color: '#000000', dashed: true }] : [];
  return {
    categories: points.map((p) => formatPeriod(p.month, 'month')),
    series: [
      { name: 'MQLs', values: points.map((p) => p.values[FUNNEL.mqlCount]), kind: 'line', format: 'integer' },
      { name: 'SQLs', values: points.map((p) => p.values[FUNNEL.sqlCount]), kind: 'line', format: 'integer' },
      { name: 'Won', values: points.map((p) => p.values[FUNNEL.wonCount]), kind: 'line', format: 'integer' },
      ...target,
    ],
    format: 'integer',
    large: large ?? false,
  };
}

export function trendTable(points: readonly TrendPoint[], targets?: ReadonlyMap<string, number> | null): TableData {
  const withTargets = Boolean(targets && targets.size > 0);
  return {
    columns: [
      { key: 'month', title: 'MQL month', format: 'month' },
      { key: FUNNEL.mqlCount, title: 'MQLs', format: 'integer' },
      { key: FUNNEL.sqlCount, title: 'SQLs', format: 'integer' },
      { key: FUNNEL.wonCount, title: 'Won', format: 'integer' },
      ...(withTargets ? [{ key: 'target', title: 'MQL target', format: 'integer' as const }] : []),
    ],
    rows: points.map((p) => ({ month: p.month, ...p.values, ...(withTargets ? { target: targets?.get(p.month) ?? null } : {}) })),
  };
}

export const BREAKDOWN_SERIES = [FUNNEL.mqlCount, FUNNEL.sqlCount, FUNNEL.wonCount] as const;

export function breakdownChartInput(rows: readonly BreakdownRow[], large?: boolean): CategoryChartInput {
  return {
    categories: rows.map((r) => r.key),
    series: BREAKDOWN_SERIES.map((m) => ({ name: SERIES_TITLES[m] ?? m, values: rows.map((r) => r.values[m]), format: 'integer' as const })),
    horizontal: true,
    format: 'integer',
    large: large ?? false,
  };
}

export function breakdownTable(rows: readonly BreakdownRow[], dimensionTitle: string): TableData {
  return {
    columns: [
      { key: 'key', title: dimensionTitle, format: 'text' },
      { key: FUNNEL.mqlCount, title: 'MQLs', format: 'integer' },
      { key: FUNNEL.sqlCount, title: 'SQLs', format: 'integer' },
      { key: FUNNEL.wonCount, title: 'Won', format: 'integer' },
      { key: FUNNEL.wonAmount, title: 'Won amount', format: 'currency' },
    ],
    rows: rows.map((r) => ({ key: r.key, ...r.values })),
  };
}
