// Funnel data → chart inputs and tables (pure; unit-tested).
import type { CategoryChartInput } from '../../../lib/chart-options';
import { PALETTE } from '../../../config/palette';
import { memberColumn, memberSeries, periodColumn } from '../../../lib/cube-meta';
import type { CubeMeta } from '../../../lib/cube-meta';
import { goalLineColumns, goalLineSeries, type GoalMonths } from '../../../lib/goal-lines';
import type { Maturity } from '../../../lib/maturity';
import { formatPeriod } from '../../../lib/format';
import type { TableData } from '../../../lib/table';
import type { BreakdownRow } from '../api/get-breakdown';
import type { TrendPoint } from '../api/get-monthly-trend';
import { TARGET_MEMBERS } from '../api/get-mql-targets';
import { FUNNEL } from '../api/members';

const TREND_SERIES = [FUNNEL.mqlCount, FUNNEL.sqlCount, FUNNEL.wonCount] as const;

/** What a month's maturity says in the trend's table ("" when settled). */
export function maturityText(m: Maturity | undefined): string {
  if (!m || (m.sql && m.won)) return '';
  return m.sql ? 'Won not yet mature' : 'SQLs and won not yet mature';
}

/** The months from the first not-yet-mature one to the last, shaded on the trend. */
function immatureShade(points: readonly TrendPoint[], maturity: readonly Maturity[] | undefined): CategoryChartInput['shade'] {
  const first = maturity?.findIndex((m) => !m.sql || !m.won) ?? -1;
  const last = points[points.length - 1];
  const from = points[first];
  return first >= 0 && from && last ? { from: formatPeriod(from.month, 'month'), to: formatPeriod(last.month, 'month'), label: 'not yet mature' } : null;
}

/** The trend's series, in order, titled by the model; the target (marketing's commitment) and the goal lines follow when known. */
export function trendChartInput(
  meta: CubeMeta,
  points: readonly TrendPoint[],
  large?: boolean,
  targets?: ReadonlyMap<string, number> | null,
  maturity?: readonly Maturity[],
  goals?: GoalMonths | null,
): CategoryChartInput {
  const shade = immatureShade(points, maturity);
  const target = targets && targets.size > 0 ? [{ ...memberSeries(meta, TARGET_MEMBERS.committed), values: points.map((p) => targets.get(p.month) ?? null), kind: 'line' as const, color: '#000000', dashed: true }] : [];
  return {
    categories: points.map((p) => formatPeriod(p.month, 'month')),
    series: [
      ...TREND_SERIES.map((m) => ({ ...memberSeries(meta, m), values: points.map((p) => p.values[m]), kind: 'line' as const })),
      ...target,
      ...goalLineSeries(meta, goals, points.map((p) => p.month), { mqls: PALETTE[0], sqls: PALETTE[1] }),
    ],
    format: memberSeries(meta, FUNNEL.mqlCount).format,
    large: large ?? false,
    ...(shade ? { shade } : {}),
  };
}

export function trendTable(meta: CubeMeta, points: readonly TrendPoint[], targets?: ReadonlyMap<string, number> | null, maturity?: readonly Maturity[], goals?: GoalMonths | null): TableData {
  const goalColumns = goalLineColumns(meta, goals, points.map((p) => p.month));
  const withTargets = Boolean(targets && targets.size > 0);
  const withMaturity = Boolean(maturity?.some((m) => !m.sql || !m.won));
  return {
    columns: [
      periodColumn(meta, FUNNEL.mqlDate, 'month', 'month'),
      ...TREND_SERIES.map((m) => memberColumn(meta, m)),
      ...(withTargets ? [memberColumn(meta, TARGET_MEMBERS.committed, 'target')] : []),
      ...goalColumns.columns,
      ...(withMaturity ? [{ key: 'maturity', title: 'Cohort maturity', format: 'text' as const }] : []),
    ],
    rows: points.map((p, i) => ({
      month: p.month,
      ...p.values,
      ...(withTargets ? { target: targets?.get(p.month) ?? null } : {}),
      ...goalColumns.rowValues(i),
      ...(withMaturity ? { maturity: maturityText(maturity?.[i]) } : {}),
    })),
  };
}

export const BREAKDOWN_SERIES = [FUNNEL.mqlCount, FUNNEL.sqlCount, FUNNEL.wonCount] as const;

/** Bars titled and formatted by the model (/meta). */
export function breakdownChartInput(meta: CubeMeta, rows: readonly BreakdownRow[], large?: boolean): CategoryChartInput {
  return {
    categories: rows.map((r) => r.key),
    series: BREAKDOWN_SERIES.map((m) => ({ ...memberSeries(meta, m), values: rows.map((r) => r.values[m]) })),
    horizontal: true,
    format: memberSeries(meta, FUNNEL.mqlCount).format,
    large: large ?? false,
  };
}

/** `dimension`: the member the rows are keyed by (channel or campaign). */
export function breakdownTable(meta: CubeMeta, rows: readonly BreakdownRow[], dimension: string): TableData {
  return {
    columns: [memberColumn(meta, dimension, 'key'), ...[...BREAKDOWN_SERIES, FUNNEL.wonAmount].map((m) => memberColumn(meta, m))],
    rows: rows.map((r) => ({ key: r.key, ...r.values })),
  };
}
