// Won revenue by close month with the revenue goal as a dashed line.
import { useMemo } from 'react';
import { ChartPanel } from '../../../components/chart-panel';
import { categoryChartOption } from '../../../lib/chart-options';
import type { ResolvedFilters } from '../../../lib/filters';
import { useRevenueVsGoal } from '../api/get-revenue-vs-goal';
import { revenueGoalChartInput, revenueGoalTable } from './revenue-goal-data';

export function RevenueGoalChart({ filters, large }: { filters: ResolvedFilters; large?: boolean }) {
  const query = useRevenueVsGoal(filters);
  const months = query.data?.months;
  const option = useMemo(() => (months ? categoryChartOption(revenueGoalChartInput(months, large)) : null), [months, large]);
  const table = useMemo(() => (months ? revenueGoalTable(months) : null), [months]);
  const unsupported = query.data?.unsupported ?? [];
  return (
    <ChartPanel
      testId="chart-revenue-goal"
      title="Won revenue against the goal"
      description="Won revenue by close month (period counts, not MQL cohorts), and each month's share of the agreement's revenue goal (dashed). Goals are set per segment and region: only those filters apply."
      query={query}
      option={option}
      table={table}
      large={large ?? false}
      emptyMessage="No won revenue and no revenue goal in this period."
      footer={unsupported.length ? `Goals are set per segment and region: the ${unsupported.join(', ')} filter does not apply here.` : null}
    />
  );
}
