// MQLs, SQLs and won by channel or campaign.
import { useMemo } from 'react';
import { ChartPanel } from '../../../components/chart-panel';
import { categoryChartOption } from '../../../lib/chart-options';
import { memberTitle, useMeta } from '../../../lib/cube-meta';
import { describeRange } from '../../../lib/filters';
import type { ResolvedFilters } from '../../../lib/filters';
import type { OnDrill } from '../../../lib/drill';
import { BREAKDOWN_DIMENSIONS, BREAKDOWN_LIMIT, useBreakdown } from '../api/get-breakdown';
import type { BreakdownBy } from '../api/get-breakdown';
import { FUNNEL, funnelFilters, mqlCohort } from '../api/members';
import { BREAKDOWN_SERIES, breakdownChartInput, breakdownTable } from './funnel-data';

const TITLES: Readonly<Record<BreakdownBy, string>> = { channel: 'Channel', campaign: 'Campaign' };

export interface BreakdownChartProps {
  readonly by: BreakdownBy;
  readonly filters: ResolvedFilters;
  readonly onDrill: OnDrill;
  readonly large?: boolean;
}

export function BreakdownChart({ by, filters, onDrill, large }: BreakdownChartProps) {
  const breakdown = useBreakdown(by, filters);
  const meta = useMeta().data;
  const dimTitle = memberTitle(meta, BREAKDOWN_DIMENSIONS[by], TITLES[by]);
  const option = useMemo(() => (breakdown.data ? categoryChartOption(breakdownChartInput(breakdown.data, large)) : null), [breakdown.data, large]);
  const table = useMemo(() => (breakdown.data ? breakdownTable(breakdown.data, dimTitle) : null), [breakdown.data, dimTitle]);
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
      title={`By ${TITLES[by].toLowerCase()}`}
      description={`MQL cohort by ${TITLES[by].toLowerCase()}${rows >= BREAKDOWN_LIMIT ? ` (top ${BREAKDOWN_LIMIT} by MQLs)` : ''}.`}
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
