// Attributed revenue and pipeline under one model, by channel or campaign.
import { useMemo } from 'react';
import { ChartPanel } from '../../../components/chart-panel';
import { categoryChartOption } from '../../../lib/chart-options';
import type { ResolvedFilters } from '../../../lib/filters';
import { CREDIT_LIMIT, useCredit, type CreditBy } from '../api/get-channel-credit';
import { modelLabel, type ModelId } from '../api/members';
import { creditChartInput, creditTable } from './attribution-data';

export function CreditChart({ by, model, filters, large }: { readonly by: CreditBy; readonly model: ModelId; readonly filters: ResolvedFilters; readonly large?: boolean }) {
  const credit = useCredit(by, model, filters);
  const label = by === 'channel' ? 'Channel' : 'Campaign';
  const option = useMemo(() => (credit.data ? categoryChartOption(creditChartInput(credit.data, large)) : null), [credit.data, large]);
  const table = useMemo(() => (credit.data ? creditTable(credit.data, label) : null), [credit.data, label]);
  const n = credit.data?.length ?? 0;
  return (
    <ChartPanel
      testId={`chart-credit-${by}`}
      title={`Revenue and pipeline by ${label.toLowerCase()} · ${modelLabel(model)}`}
      description={`Each deal's amount split over its touches by the ${modelLabel(model).toLowerCase()} model${by === 'campaign' && n >= CREDIT_LIMIT ? ` (top ${CREDIT_LIMIT})` : ''}: revenue by close date, pipeline by creation date.`}
      query={credit}
      option={option}
      table={table}
      large={large ?? false}
      height={large ? 560 : Math.max(240, n * 44 + 60)}
      emptyMessage="No credited opportunities for these filters."
    />
  );
}
