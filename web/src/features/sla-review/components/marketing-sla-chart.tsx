// Marketing's commitment: MQLs delivered vs committed, by month or by segment.
import { useMemo } from 'react';
import { ChartPanel } from '../../../components/chart-panel';
import { categoryChartOption } from '../../../lib/chart-options';
import { periodRange } from '../../../lib/drill';
import type { OnDrill } from '../../../lib/drill';
import { describeRange } from '../../../lib/filters';
import type { ResolvedFilters } from '../../../lib/filters';
import { formatPeriod } from '../../../lib/format';
import { useMarketingSla } from '../api/get-marketing-sla';
import type { MarketingBy } from '../api/get-marketing-sla';
import { marketingChartInput, marketingTable } from './sla-data';

/** Delivered MQLs are the funnel's MQLs by MQL date; a click lists them. */
const DELIVERED_DRILL = { measure: 'funnel.mql_count', mqlDate: 'funnel.mql_date', segment: 'funnel.segment' } as const;

export function MarketingSlaChart({ by, filters, onDrill, large }: { readonly by: MarketingBy; readonly filters: ResolvedFilters; readonly onDrill: OnDrill; readonly large?: boolean }) {
  const sla = useMarketingSla(by, filters);
  const rows = sla.data?.rows;
  const option = useMemo(() => (rows ? categoryChartOption(marketingChartInput(by, rows, large)) : null), [rows, by, large]);
  const table = useMemo(() => (rows ? marketingTable(by, rows) : null), [rows, by]);
  const unsupported = sla.data?.unsupported ?? [];
  const drill = (index: number) => {
    const row = rows?.[index];
    if (!row) return;
    const segments = by === 'segment' ? [row.key] : filters.dims.segment;
    const range = by === 'month' ? periodRange(row.key, 'month', filters.dateRange) : filters.dateRange;
    onDrill({
      title: `MQLs delivered · ${by === 'month' ? formatPeriod(row.key, 'month') : `${row.key} · ${describeRange(filters.dateRange)}`}`,
      measure: DELIVERED_DRILL.measure,
      filters: segments.length ? [{ member: DELIVERED_DRILL.segment, operator: 'equals', values: [...segments] }] : [],
      timeDimensions: range ? [{ dimension: DELIVERED_DRILL.mqlDate, dateRange: [range[0], range[1]] }] : [],
    });
  };
  return (
    <ChartPanel
      testId={`chart-marketing-${by}`}
      title={by === 'month' ? 'Marketing SLA by month' : 'Marketing SLA by segment'}
      description="MQLs marketing delivered against the MQLs it committed to in the agreement; line: attainment = delivered ÷ committed."
      query={sla}
      option={option}
      table={table}
      large={large ?? false}
      emptyMessage="No MQL commitments in agreement.yml for this period."
      onItemClick={(item) => drill(item.dataIndex)}
      onRowClick={(_, index) => drill(index)}
      footer={unsupported.length ? `Commitments are per segment: the ${unsupported.join(', ')} filter does not apply here.` : null}
    />
  );
}
