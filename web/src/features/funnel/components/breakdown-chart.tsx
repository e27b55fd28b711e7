// MQLs, SQLs and won by channel or campaign: MQL cohorts, or (`basis` period, channels only)
// each stage by its own date.
import { useMemo } from 'react';
import { ChartPanel } from '../../../components/chart-panel';
import { categoryChartOption } from '../../../lib/chart-options';
import { memberTitle, useWithMeta } from '../../../lib/cube-meta';
import { describeRange } from '../../../lib/filters';
import type { ResolvedFilters } from '../../../lib/filters';
import type { OnDrill } from '../../../lib/drill';
import { BREAKDOWN_DIMENSIONS, BREAKDOWN_LIMIT, useBreakdown } from '../api/get-breakdown';
import type { BreakdownBy } from '../api/get-breakdown';
import { usePeriodChannels } from '../api/get-period-breakdown';
import { FUNNEL, funnelFilters, mqlCohort } from '../api/members';
import { BREAKDOWN_SERIES, breakdownChartInput, breakdownTable } from './funnel-data';

export interface BreakdownChartProps {
  readonly by: BreakdownBy;
  readonly filters: ResolvedFilters;
  readonly onDrill: OnDrill;
  readonly large?: boolean;
  /** Period counts (channels only: the period counts carry no campaign). */
  readonly basis?: 'cohort' | 'period';
}

export function BreakdownChart({ by, filters, onDrill, large, basis = 'cohort' }: BreakdownChartProps) {
  const byPeriod = basis === 'period' && by === 'channel';
  const cohort = useBreakdown(by, filters);
  const period = usePeriodChannels(filters, byPeriod);
  const breakdown = useWithMeta(byPeriod ? period : cohort);
  const { data, meta } = breakdown;
  const dimTitle = memberTitle(meta, BREAKDOWN_DIMENSIONS[by], by);
  const option = useMemo(() => (data && meta ? categoryChartOption(breakdownChartInput(meta, data, large)) : null), [data, meta, large]);
  const table = useMemo(() => (data && meta ? breakdownTable(meta, data, BREAKDOWN_DIMENSIONS[by]) : null), [data, meta, by]);
  const rows = breakdown.data?.length ?? 0;
  const drill = (index: number, measure: string) => {
    const row = breakdown.data?.[index];
    if (!row) return;
    // Period mode: the leads behind a count, by that count's own date.
    const ownDate = measure === FUNNEL.sqlCount ? 'funnel.sql_date' : measure === FUNNEL.wonCount ? 'funnel.won_date' : FUNNEL.mqlDate;
    onDrill({
      title: `${memberTitle(meta, measure, measure)} · ${row.key}${byPeriod ? ' · by their own date' : ''} · ${describeRange(filters.dateRange)}`,
      measure,
      filters: [...funnelFilters(filters), row.key === '(none)' ? { member: BREAKDOWN_DIMENSIONS[by], operator: 'notSet' } : { member: BREAKDOWN_DIMENSIONS[by], operator: 'equals', values: [row.key] }],
      timeDimensions: byPeriod ? (filters.dateRange ? [{ dimension: ownDate, dateRange: [filters.dateRange[0], filters.dateRange[1]] }] : []) : mqlCohort(filters.dateRange),
    });
  };
  return (
    <ChartPanel
      testId={`chart-by-${by}`}
      title={`By ${dimTitle.toLowerCase()}${byPeriod ? ' · each stage in its own period' : ''}`}
      description={
        byPeriod
          ? `Each stage in its own period by ${dimTitle.toLowerCase()}: MQLs, SQLs and won counted by the date each happened, won amount by won date${rows >= BREAKDOWN_LIMIT ? ` (top ${BREAKDOWN_LIMIT} by MQLs)` : ''}.`
          : `MQL cohort by ${dimTitle.toLowerCase()}${rows >= BREAKDOWN_LIMIT ? ` (top ${BREAKDOWN_LIMIT} by MQLs)` : ''}.${by === 'campaign' && basis === 'period' ? ' Campaigns stay MQL cohorts in period mode: period counts carry no campaign.' : ''}`
      }
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
