// Attributed revenue and pipeline under one model, by channel or campaign.
import { useMemo } from 'react';
import { ChartPanel } from '../../../components/chart-panel';
import { categoryChartOption } from '../../../lib/chart-options';
import type { OnDrill } from '../../../lib/drill';
import { describeRange } from '../../../lib/filters';
import type { ResolvedFilters } from '../../../lib/filters';
import { CREDIT_LIMIT, useCredit, type CreditBy } from '../api/get-channel-credit';
import { ATTR, attributionFilters, modelLabel, periodRange, type ModelId } from '../api/members';
import { creditChartInput, creditTable } from './attribution-data';

export interface CreditChartProps {
  readonly by: CreditBy;
  readonly model: ModelId;
  readonly filters: ResolvedFilters;
  /** A bar (or table row) lists the deals behind it; each deal opens its journey. */
  readonly onDrill?: OnDrill;
  readonly large?: boolean;
}

export function CreditChart({ by, model, filters, onDrill, large }: CreditChartProps) {
  const credit = useCredit(by, model, filters);
  const label = by === 'channel' ? 'Channel' : 'Campaign';
  const option = useMemo(() => (credit.data ? categoryChartOption(creditChartInput(credit.data, large)) : null), [credit.data, large]);
  const table = useMemo(() => (credit.data ? creditTable(credit.data, label) : null), [credit.data, label]);
  const n = credit.data?.length ?? 0;
  // The revenue bar lists the won deals credited (by close date), the pipeline bar every deal (by creation).
  const drill = (index: number, revenue: boolean) => {
    const row = credit.data?.[index];
    if (!row || !onDrill) return;
    onDrill({
      title: `${revenue ? 'Attributed revenue' : 'Attributed pipeline'} · ${row.key} · ${modelLabel(model)} · ${describeRange(filters.dateRange)}`,
      measure: revenue ? ATTR.revenue : ATTR.pipeline,
      filters: [...attributionFilters(filters, model), { member: by === 'channel' ? ATTR.channel : ATTR.campaign, operator: 'equals', values: [row.key] }],
      timeDimensions: periodRange(filters.dateRange),
    });
  };
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
      {...(onDrill
        ? { onItemClick: (item: { dataIndex: number; seriesIndex: number }) => drill(item.dataIndex, item.seriesIndex === 0), onRowClick: (_: unknown, index: number) => drill(index, (credit.data?.[index]?.revenue ?? 0) > 0), rowActionLabel: 'Show deals' }
        : {})}
    />
  );
}
