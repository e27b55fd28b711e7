// Monthly trend of MQLs, SQLs and won, by MQL month.
import { useMemo } from 'react';
import { ChartPanel } from '../../../components/chart-panel';
import { categoryChartOption } from '../../../lib/chart-options';
import { memberTitle, useWithMeta } from '../../../lib/cube-meta';
import { formatPeriod } from '../../../lib/format';
import type { ResolvedFilters } from '../../../lib/filters';
import { periodRange } from '../../../lib/drill';
import type { OnDrill } from '../../../lib/drill';
import { targetsApply, useMqlTargets } from '../api/get-mql-targets';
import { TREND_MEASURES, useMonthlyTrend } from '../api/get-monthly-trend';
import { FUNNEL, funnelFilters } from '../api/members';
import { useTypicalDays } from '../api/get-typical-days';
import { cohortMaturity } from '../../../lib/maturity';
import { goalLineStatus, useGoalByMonth } from '../../../lib/goal-lines';
import { trendChartInput, trendTable } from './funnel-data';

export interface TrendChartProps {
  readonly filters: ResolvedFilters;
  readonly onDrill: OnDrill;
  readonly large?: boolean;
}

export function TrendChart({ filters, onDrill, large }: TrendChartProps) {
  const trend = useWithMeta(useMonthlyTrend(filters));
  const { meta } = trend;
  // Targets are optional: without them (or while they load, or if they fail) the actuals still show.
  const targets = useMqlTargets(filters).data ?? null;
  // Months younger than the typical time to convert are marked (shaded, and said in the table).
  const typical = useTypicalDays().data ?? null;
  const maturity = useMemo(
    () => trend.data?.map((p) => cohortMaturity(periodRange(p.month, 'month', null), filters.asOf, typical)),
    [trend.data, filters.asOf, typical],
  );
  // Goal lines are optional too: absent while they load, when no goal is set, or when a filter has no goal.
  const goals = useGoalByMonth(filters).data ?? null;
  const goalNote = goalLineStatus(
    filters,
    goals,
    trend.data?.map((p) => p.month) ?? [],
    'Dashed in their colours: the MQLs and SQLs each month’s share of the revenue goal needs (the reverse funnel).',
  );
  const option = useMemo(() => (trend.data && meta ? categoryChartOption(trendChartInput(meta, trend.data, large, targets, maturity, goals)) : null), [trend.data, meta, large, targets, maturity, goals]);
  const table = useMemo(() => (trend.data && meta ? trendTable(meta, trend.data, targets, maturity, goals) : null), [trend.data, meta, targets, maturity, goals]);
  const drill = (index: number, measure: string) => {
    const point = trend.data?.[index];
    if (!point) return;
    onDrill({
      title: `${memberTitle(meta, measure, measure)} · MQL month ${formatPeriod(point.month, 'month')}`,
      measure,
      filters: funnelFilters(filters),
      timeDimensions: [{ dimension: FUNNEL.mqlDate, dateRange: periodRange(point.month, 'month', filters.dateRange) }],
    });
  };
  return (
    <ChartPanel
      testId="chart-trend"
      title="Monthly trend · by MQL cohort"
      description={`MQLs, SQLs and won deals by the month the lead became an MQL${targetsApply(filters) ? ', against the MQLs marketing committed to (dashed black)' : ''}. ${
        goalNote ?? ''
      }`.trim()}
      query={trend}
      option={option}
      table={table}
      large={large ?? false}
      onItemClick={(item) => {
        // The target and goal lines are not leads: only the actual series drill down.
        const measure = TREND_MEASURES[item.seriesIndex];
        if (measure) drill(item.dataIndex, measure);
      }}
      onRowClick={(_, index) => drill(index, FUNNEL.mqlCount)}
    />
  );
}
