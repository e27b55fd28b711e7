// Closed-loop revenue: won amount by the lead's original source, or by campaign.
import { useMemo } from 'react';
import { ChartPanel } from '../../../components/chart-panel';
import { categoryChartOption } from '../../../lib/chart-options';
import { memberTitle, useMeta } from '../../../lib/cube-meta';
import type { OnDrill } from '../../../lib/drill';
import { describeRange } from '../../../lib/filters';
import type { ResolvedFilters } from '../../../lib/filters';
import { REVENUE_LIMIT, useClosedLoopRevenue } from '../api/get-closed-loop-revenue';
import { QUALITY, mqlCohort, qualityFilters, valueFilter } from '../api/members';
import { revenueChartInput, revenueTable } from './quality-data';

export type RevenueBy = 'source' | 'campaign';

export function RevenueChart({ by, filters, onDrill, large }: { readonly by: RevenueBy; readonly filters: ResolvedFilters; readonly onDrill: OnDrill; readonly large?: boolean }) {
  const meta = useMeta();
  const hasSource = meta.data?.members.has(QUALITY.originalSource) ?? false;
  const dimension = by === 'campaign' ? QUALITY.campaign : hasSource ? QUALITY.originalSource : QUALITY.channel;
  const label = memberTitle(meta.data, dimension, by);
  const revenue = useClosedLoopRevenue(dimension, filters, meta.status !== 'pending');
  const option = useMemo(() => (revenue.data && meta.data ? categoryChartOption(revenueChartInput(meta.data, revenue.data, large)) : null), [revenue.data, meta.data, large]);
  const table = useMemo(() => (revenue.data && meta.data ? revenueTable(meta.data, revenue.data, dimension) : null), [revenue.data, meta.data, dimension]);
  const n = revenue.data?.length ?? 0;
  const drill = (index: number) => {
    const row = revenue.data?.[index];
    if (!row) return;
    onDrill({
      title: `${memberTitle(meta.data, QUALITY.wonAmount, 'won')} · ${row.key} · ${describeRange(filters.dateRange)}`,
      measure: QUALITY.wonAmount,
      filters: [...qualityFilters(filters), valueFilter(dimension, row.key)],
      timeDimensions: mqlCohort(filters.dateRange),
    });
  };
  return (
    <ChartPanel
      testId={`chart-revenue-${by}`}
      title={`Closed-loop revenue by ${label.toLowerCase()}`}
      description={`Won amount traced back to where the lead came from${n >= REVENUE_LIMIT ? ` (top ${REVENUE_LIMIT})` : ''}, for this period's MQL cohort.`}
      query={meta.status === 'error' ? meta : revenue}
      option={option}
      table={table}
      large={large ?? false}
      height={large ? 560 : Math.max(220, n * 34 + 40)}
      emptyMessage="No won deals from this cohort for these filters yet."
      onItemClick={(item) => drill(item.dataIndex)}
      onRowClick={(_, index) => drill(index)}
    />
  );
}
