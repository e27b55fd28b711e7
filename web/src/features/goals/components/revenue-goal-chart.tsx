// Won revenue by close month with the revenue goal as a dashed line.
import { useMemo } from 'react';
import { ChartPanel } from '../../../components/chart-panel';
import { categoryChartOption } from '../../../lib/chart-options';
import type { ResolvedFilters } from '../../../lib/filters';
import { goalLineStatus } from '../../../lib/goal-lines';
import { useRevenueVsGoal } from '../api/get-revenue-vs-goal';
import { revenueGoalChartInput, revenueGoalTable } from './revenue-goal-data';

export function RevenueGoalChart({ filters, large }: { filters: ResolvedFilters; large?: boolean }) {
  const query = useRevenueVsGoal(filters);
  const option = useMemo(() => (query.data ? categoryChartOption(revenueGoalChartInput(query.data, large)) : null), [query.data, large]);
  const table = useMemo(() => (query.data ? revenueGoalTable(query.data) : null), [query.data]);
  return (
    <ChartPanel
      testId="chart-revenue-goal"
      title="Won revenue against the goal"
      description={`Won revenue by close month (always by close date, whichever way leads are counted above), and each month's share of the agreement's revenue goal (dashed). ${
        goalLineStatus(
          filters,
          query.data ? new Map(query.data.filter((m) => m.goal !== null).map((m) => [m.month, { revenue: m.goal, wins: null, sqls: null, mqls: null }])) : null,
          query.data?.map((m) => m.month) ?? [],
          'A segment or region filter shows that scope’s goal; a month no goal covers has no goal point.',
        ) ?? ''
      }`.trim()}
      query={query}
      option={option}
      table={table}
      large={large ?? false}
      emptyMessage="No won revenue and no revenue goal in this period."
    />
  );
}
