// Sales follow-up compliance by handoff week.
import { useMemo } from 'react';
import { ChartPanel } from '../../../components/chart-panel';
import { categoryChartOption } from '../../../lib/chart-options';
import { periodRange } from '../../../lib/drill';
import type { OnDrill } from '../../../lib/drill';
import { memberTitle, useWithMeta } from '../../../lib/cube-meta';
import { formatPeriod } from '../../../lib/format';
import type { ResolvedFilters } from '../../../lib/filters';
import { useSlaByWeek } from '../api/get-sla-by-week';
import { SALES_SLA, salesSlaFilters } from '../api/members';
import { WEEK_SERIES, slaWeekChartInput, slaWeekTable } from './sla-data';

export function SlaWeekChart({ filters, onDrill, large }: { readonly filters: ResolvedFilters; readonly onDrill: OnDrill; readonly large?: boolean }) {
  const weeks = useWithMeta(useSlaByWeek(filters));
  const { data, meta } = weeks;
  const option = useMemo(() => (data && meta ? categoryChartOption(slaWeekChartInput(meta, data, large)) : null), [data, meta, large]);
  const table = useMemo(() => (data && meta ? slaWeekTable(meta, data) : null), [data, meta]);
  const drill = (index: number, measure: string) => {
    const week = weeks.data?.[index];
    if (!week) return;
    const m = measure === SALES_SLA.complianceRate ? SALES_SLA.breachedCount : measure;
    onDrill({
      title: `${memberTitle(meta, m, m)} · handed off ${formatPeriod(week.week, 'week')}`,
      measure: m,
      filters: salesSlaFilters(filters),
      timeDimensions: [{ dimension: SALES_SLA.handoffDate, dateRange: periodRange(week.week, 'week', filters.dateRange) }],
    });
  };
  return (
    <ChartPanel
      testId="chart-sla-week"
      title="Sales follow-up by week"
      description="Handed-off MQLs by handoff week: first touch within the agreed hours (met), late or never (breached), still inside the window (pending). Line: compliance = met ÷ (met + breached)."
      query={weeks}
      option={option}
      table={table}
      large={large ?? false}
      onItemClick={(item) => drill(item.dataIndex, WEEK_SERIES[item.seriesIndex] ?? SALES_SLA.breachedCount)}
      onRowClick={(_, index) => drill(index, SALES_SLA.breachedCount)}
    />
  );
}
