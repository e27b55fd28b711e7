// Won revenue vs goal → chart input and table (pure).
import type { CategoryChartInput } from '../../../lib/chart-options';
import { formatPeriod } from '../../../lib/format';
import type { TableData } from '../../../lib/table';
import type { RevenueGoalMonth } from '../api/get-revenue-vs-goal';

export function revenueGoalChartInput(months: readonly RevenueGoalMonth[], large?: boolean): CategoryChartInput {
  // No goal in any month (none set, or a filter without goals): no goal line at all, not a line at zero.
  const withGoal = months.some((m) => m.goal !== null);
  return {
    categories: months.map((m) => formatPeriod(m.month, 'month')),
    series: [
      { name: 'Won revenue', values: months.map((m) => m.won), kind: 'bar', format: 'currency' },
      ...(withGoal ? [{ name: 'Revenue goal', values: months.map((m) => m.goal), kind: 'line' as const, format: 'currency' as const, color: '#000000', dashed: true }] : []),
    ],
    format: 'currency',
    large: large ?? false,
  };
}

export function revenueGoalTable(months: readonly RevenueGoalMonth[]): TableData {
  return {
    columns: [
      { key: 'month', title: 'Close month', format: 'month' },
      { key: 'won', title: 'Won revenue', format: 'currency' },
      { key: 'goal', title: 'Revenue goal', format: 'currency' },
      { key: 'attainment', title: 'Won ÷ goal', format: 'percent' },
    ],
    rows: months.map((m) => ({ month: m.month, won: m.won, goal: m.goal, attainment: m.won !== null && m.goal ? m.won / m.goal : null })),
  };
}
