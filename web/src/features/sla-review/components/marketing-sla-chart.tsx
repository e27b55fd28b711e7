// Marketing's commitment: MQLs delivered vs committed, by month or by segment.
import { useMemo } from 'react';
import { ChartPanel } from '../../../components/chart-panel';
import { categoryChartOption } from '../../../lib/chart-options';
import { periodRange } from '../../../lib/drill';
import type { OnDrill } from '../../../lib/drill';
import { memberTitle, useWithMeta } from '../../../lib/cube-meta';
import { describeRange } from '../../../lib/filters';
import type { ResolvedFilters } from '../../../lib/filters';
import { formatPeriod } from '../../../lib/format';
import { useMarketingSla } from '../api/get-marketing-sla';
import type { MarketingBy } from '../api/get-marketing-sla';
import { MARKETING_SLA } from '../api/members';
import { marketingChartInput, marketingTable } from './sla-data';

/** Delivered MQLs are the funnel's MQLs by MQL date; a click lists them. */
const DELIVERED_DRILL = { measure: 'funnel.mql_count', mqlDate: 'funnel.mql_date', segment: 'funnel.segment' } as const;

export function MarketingSlaChart({ by, filters, onDrill, large }: { readonly by: MarketingBy; readonly filters: ResolvedFilters; readonly onDrill: OnDrill; readonly large?: boolean }) {
  const sla = useWithMeta(useMarketingSla(by, filters));
  const { meta } = sla;
  const rows = sla.data?.rows;
  const option = useMemo(() => (rows && meta ? categoryChartOption(marketingChartInput(meta, by, rows, large)) : null), [rows, meta, by, large]);
  const table = useMemo(() => (rows && meta ? marketingTable(meta, by, rows) : null), [rows, meta, by]);
  const unsupported = sla.data?.unsupported ?? [];
  const drill = (index: number) => {
    const row = rows?.[index];
    if (!row) return;
    const segments = by === 'segment' ? [row.key] : filters.dims.segment;
    const range = by === 'month' ? periodRange(row.key, 'month', filters.dateRange) : filters.dateRange;
    onDrill({
      title: `${memberTitle(meta, MARKETING_SLA.delivered, 'delivered')} · ${by === 'month' ? formatPeriod(row.key, 'month') : `${row.key} · ${describeRange(filters.dateRange)}`}`,
      measure: DELIVERED_DRILL.measure,
      filters: segments.length ? [{ member: DELIVERED_DRILL.segment, operator: 'equals', values: [...segments] }] : [],
      timeDimensions: range ? [{ dimension: DELIVERED_DRILL.mqlDate, dateRange: [range[0], range[1]] }] : [],
    });
  };
  return (
    <ChartPanel
      testId={`chart-marketing-${by}`}
      title={`${meta?.views.get('marketing_sla')?.title ?? 'Marketing SLA'} by ${by === 'month' ? 'month' : memberTitle(meta, MARKETING_SLA.segment, 'segment').toLowerCase()}`}
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
