// MQLs, SQLs and won by channel or campaign.
import { useMemo } from 'react';
import { ChartPanel } from '../../../components/chart-panel';
import { categoryChartOption } from '../../../lib/chart-options';
import { memberTitle, useWithMeta } from '../../../lib/cube-meta';
import { describeRange } from '../../../lib/filters';
import type { ResolvedFilters } from '../../../lib/filters';
import type { OnDrill } from '../../../lib/drill';
import { BREAKDOWN_DIMENSIONS, BREAKDOWN_LIMIT, useBreakdown } from '../api/get-breakdown';
import type { BreakdownBy } from '../api/get-breakdown';
import { FUNNEL, funnelFilters, mqlCohort } from '../api/members';
import { BREAKDOWN_SERIES, breakdownChartInput, breakdownTable } from './funnel-data';

export interface BreakdownChartProps {
  readonly by: BreakdownBy;
  readonly filters: ResolvedFilters;
  readonly onDrill: OnDrill;
  readonly large?: boolean;
}

export function BreakdownChart({ by, filters, onDrill, large }: BreakdownChartProps) {
  const breakdown = useWithMeta(useBreakdown(by, filters));
  const { data, meta } = breakdown;
  const dimTitle = memberTitle(meta, BREAKDOWN_DIMENSIONS[by], by);
  const option = useMemo(() => (data && meta ? categoryChartOption(breakdownChartInput(meta, data, large)) : null), [data, meta, large]);
  const table = useMemo(() => (data && meta ? breakdownTable(meta, data, BREAKDOWN_DIMENSIONS[by]) : null), [data, meta, by]);
  const rows = breakdown.data?.length ?? 0;
  const drill = (index: number, measure: string) => {
    const row = breakdown.data?.[index];
    if (!row) return;
    onDrill({
      title: `${memberTitle(meta, measure, measure)} · ${row.key} · ${describeRange(filters.dateRange)}`,
      measure,
      filters: [...funnelFilters(filters), row.key === '(none)' ? { member: BREAKDOWN_DIMENSIONS[by], operator: 'notSet' } : { member: BREAKDOWN_DIMENSIONS[by], operator: 'equals', values: [row.key] }],
      timeDimensions: mqlCohort(filters.dateRange),
    });
  };
  return (
    <ChartPanel
      testId={`chart-by-${by}`}
      title={`By ${dimTitle.toLowerCase()}`}
      description={`MQL cohort by ${dimTitle.toLowerCase()}${rows >= BREAKDOWN_LIMIT ? ` (top ${BREAKDOWN_LIMIT} by MQLs)` : ''}.`}
      query={breakdown}
      option={option}
      table={table}
      large={large ?? false}
      height={large ? 560 : Math.max(240, rows * 34 + 60)}
      onItemClick={(item) => drill(item.dataIndex, BREAKDOWN_SERIES[item.seriesIndex] ?? FUNNEL.mqlCount)}
      onRowClick={(_, index) => drill(index, FUNNEL.mqlCount)}
    />
  );
}
