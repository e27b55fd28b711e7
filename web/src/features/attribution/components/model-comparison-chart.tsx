// Every model side by side for the same channels — and the proof that they all sum to the same revenue.
import { useMemo } from 'react';
import { ChartPanel } from '../../../components/chart-panel';
import { categoryChartOption } from '../../../lib/chart-options';
import { formatValue } from '../../../lib/format';
import type { ResolvedFilters } from '../../../lib/filters';
import { useModelComparison } from '../api/get-model-comparison';
import { modelLabel } from '../api/members';
import { comparisonChartInput, comparisonTable, modelTotals } from './attribution-data';

export function ModelComparisonChart({ filters, large }: { readonly filters: ResolvedFilters; readonly large?: boolean }) {
  const comparison = useModelComparison(filters);
  const option = useMemo(() => (comparison.data ? categoryChartOption(comparisonChartInput(comparison.data, large)) : null), [comparison.data, large]);
  const table = useMemo(() => (comparison.data ? comparisonTable(comparison.data) : null), [comparison.data]);
  const totals = comparison.data ? modelTotals(comparison.data) : [];
  const first = totals[0]?.revenue ?? 0;
  const same = totals.every((t) => Math.abs(t.revenue - first) < 0.005);
  const channels = new Set(comparison.data?.map((c) => c.channel)).size;
  return (
    <ChartPanel
      testId="chart-model-comparison"
      title="Attributed revenue by channel, every model"
      description="The same won deals credited by each model: the models disagree on which channel gets the credit, never on the total."
      query={comparison}
      option={option}
      table={table}
      large={large ?? false}
      height={large ? 560 : Math.max(300, channels * 90 + 80)}
      emptyMessage="No won revenue for these filters."
      footer={
        totals.length > 0 ? (
          <p className="panel-note" data-testid="model-totals">
            {same
              ? `Every model sums to the same revenue: ${formatValue(first, 'currency')}.`
              : `Totals differ: ${totals.map((t) => `${modelLabel(t.model)} ${formatValue(t.revenue, 'currency')}`).join(', ')}.`}
          </p>
        ) : null
      }
    />
  );
}
