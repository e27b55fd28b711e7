// Monthly trend by period: MQLs, MQL events (re-MQLs included), SQLs and won, each counted in
// the month it happened — the Funnel page's "period" counting.
import { useMemo } from 'react';
import { ChartPanel } from '../../../components/chart-panel';
import { categoryChartOption } from '../../../lib/chart-options';
import type { Series } from '../../../lib/chart-options';
import { PALETTE } from '../../../config/palette';
import { memberColumn, memberSeries, periodColumn, useMeta } from '../../../lib/cube-meta';
import type { CubeMeta } from '../../../lib/cube-meta';
import { goalLineColumns, goalLineSeries, goalLineStatus, useGoalByMonth, type GoalMonths } from '../../../lib/goal-lines';
import { formatPeriod } from '../../../lib/format';
import type { ResolvedFilters } from '../../../lib/filters';
import type { TableData } from '../../../lib/table';
import { PERIOD, usePeriodTrend, type PeriodMonth } from '../api/get-period-trend';

/** The lines, titled and formatted by the model; `field` is the PeriodMonth field holding each. */
const SERIES = [
  { field: 'mqls', member: PERIOD.mqlCount },
  { field: 'mqlEvents', member: PERIOD.mqlEvents },
  { field: 'sqls', member: PERIOD.sqlCount },
  { field: 'won', member: PERIOD.wonCount },
] as const;

export function periodTrendSeries(meta: CubeMeta, months: readonly PeriodMonth[], goals?: GoalMonths | null): Series[] {
  return [
    ...SERIES.map((s) => ({ ...memberSeries(meta, s.member), values: months.map((m) => m[s.field]), kind: 'line' as const, ...(s.field === 'mqlEvents' ? { dashed: true } : {}) })),
    ...goalLineSeries(meta, goals, months.map((m) => m.month), { mqls: PALETTE[0], sqls: PALETTE[2] }),
  ];
}

export function periodTrendTable(meta: CubeMeta, months: readonly PeriodMonth[], goals?: GoalMonths | null): TableData {
  const goalColumns = goalLineColumns(meta, goals, months.map((m) => m.month));
  return {
    columns: [
      periodColumn(meta, PERIOD.enteredDate, 'month', 'month'),
      ...SERIES.map((s) => memberColumn(meta, s.member, s.field)),
      memberColumn(meta, PERIOD.remqls, 'remqls'),
      ...goalColumns.columns,
    ],
    rows: months.map((m, i) => ({ ...m, ...goalColumns.rowValues(i) })),
  };
}

export function PeriodTrendChart({ filters, large }: { filters: ResolvedFilters; large?: boolean }) {
  const query = usePeriodTrend(filters);
  const meta = useMeta().data;
  // Optional: absent while loading, where no goal is set, or when a filter has no goal.
  const goals = useGoalByMonth(filters).data ?? null;
  const goalNote = goalLineStatus(
    filters,
    goals,
    query.data?.map((m) => m.month) ?? [],
    'The dashed MQLs and SQLs needed for the goal are each month’s share of the revenue goal through the reverse funnel.',
  );
  const option = useMemo(
    () =>
      query.data && meta
        ? categoryChartOption({
            categories: query.data.map((m) => formatPeriod(m.month, 'month')),
            series: periodTrendSeries(meta, query.data, goals),
            format: 'integer',
            large: large ?? false,
          })
        : null,
    [query.data, meta, large, goals],
  );
  const table = useMemo(() => (query.data && meta ? periodTrendTable(meta, query.data, goals) : null), [query.data, meta, goals]);
  return (
    <ChartPanel
      testId="chart-trend-period"
      title="Monthly trend · each stage in its own period"
      description={`Counted by period: each stage in the month it happened (the SQLs of a month converted that month, whenever they were MQLs). MQL events count every time a lead became an MQL, re-MQLs included (dashed). ${
        goalNote ?? ''
      }`.trim()}
      query={query}
      option={option}
      table={table}
      large={large ?? false}
    />
  );
}
