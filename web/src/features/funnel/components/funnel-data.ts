// Funnel data → chart inputs and tables (pure; unit-tested).
import type { CategoryChartInput, Series } from '../../../lib/chart-options';
import { PALETTE } from '../../../config/palette';
import { goalValues, type GoalMonths } from '../../../lib/goal-lines';
import type { Maturity } from '../../../lib/maturity';
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

/** The goal lines a trend draws: the MQLs and SQLs each month's share of the revenue goal needs. */
export const GOAL_LINES = [
  { need: 'mqls', name: 'MQLs needed for the goal', color: PALETTE[0] },
  { need: 'sqls', name: 'SQLs needed for the goal', color: PALETTE[1] },
] as const;

/** Dashed goal lines over `months` in their actual series' colours; a need no month has is left out. */
export function goalLineSeries(goals: GoalMonths | null | undefined, months: readonly string[]): Series[] {
  return GOAL_LINES.flatMap((g) => {
    const values = goalValues(goals, months, g.need);
    return values ? [{ name: g.name, values, kind: 'line' as const, format: 'number' as const, color: g.color, dashed: true }] : [];
  });
}

export function trendChartInput(
  points: readonly TrendPoint[],
  large?: boolean,
  targets?: ReadonlyMap<string, number> | null,
  maturity?: readonly Maturity[],
  goals?: GoalMonths | null,
): CategoryChartInput {
  const shade = immatureShade(points, maturity);
  const target = targets && targets.size > 0 ? [{ name: 'MQL target', values: points.map((p) => targets.get(p.month) ?? null), kind: 'line' as const, format: 'integer' as const, color: '#000000', dashed: true }] : [];
  return {
    categories: points.map((p) => formatPeriod(p.month, 'month')),
    series: [
      { name: 'MQLs', values: points.map((p) => p.values[FUNNEL.mqlCount]), kind: 'line', format: 'integer' },
      { name: 'SQLs', values: points.map((p) => p.values[FUNNEL.sqlCount]), kind: 'line', format: 'integer' },
      { name: 'Won', values: points.map((p) => p.values[FUNNEL.wonCount]), kind: 'line', format: 'integer' },
      ...target,
      ...goalLineSeries(goals, points.map((p) => p.month)),
    ],
    format: 'integer',
    large: large ?? false,
    ...(shade ? { shade } : {}),
  };
}

/** Table columns and row values of the goal lines (the same needs the chart draws). */
export function goalLineColumns(goals: GoalMonths | null | undefined, months: readonly string[]): { columns: TableData['columns']; rowValues: (i: number) => Record<string, number | null> } {
  const lines = GOAL_LINES.map((g) => ({ ...g, values: goalValues(goals, months, g.need) })).filter((g) => g.values !== null);
  return {
    columns: lines.map((g) => ({ key: `goal_${g.need}`, title: g.name, format: 'number' as const })),
    rowValues: (i) => Object.fromEntries(lines.map((g) => [`goal_${g.need}`, g.values?.[i] ?? null])),
  };
}

export function trendTable(points: readonly TrendPoint[], targets?: ReadonlyMap<string, number> | null, maturity?: readonly Maturity[], goals?: GoalMonths | null): TableData {
  const goalColumns = goalLineColumns(goals, points.map((p) => p.month));
  const withTargets = Boolean(targets && targets.size > 0);
  const withMaturity = Boolean(maturity?.some((m) => !m.sql || !m.won));
  return {
    columns: [
      { key: 'month', title: 'MQL month', format: 'month' },
      { key: FUNNEL.mqlCount, title: 'MQLs', format: 'integer' },
      { key: FUNNEL.sqlCount, title: 'SQLs', format: 'integer' },
      { key: FUNNEL.wonCount, title: 'Won', format: 'integer' },
      ...(withTargets ? [{ key: 'target', title: 'MQL target', format: 'integer' as const }] : []),
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
