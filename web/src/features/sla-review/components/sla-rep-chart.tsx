// Sales follow-up by owner or by team.
import { useMemo } from 'react';
import { ChartPanel } from '../../../components/chart-panel';
import { categoryChartOption } from '../../../lib/chart-options';
import type { OnDrill } from '../../../lib/drill';
import { memberTitle, useWithMeta } from '../../../lib/cube-meta';
import { describeRange } from '../../../lib/filters';
import type { ResolvedFilters } from '../../../lib/filters';
import { REP_DIMENSIONS, REP_LIMIT, useSlaByRep } from '../api/get-sla-by-rep';
import type { RepBy } from '../api/get-sla-by-rep';
import { SALES_SLA, handoffScope, salesSlaFilters } from '../api/members';
import { WEEK_SERIES, slaRepChartInput, slaRepTable } from './sla-data';

export function SlaRepChart({ by, filters, onDrill, large }: { readonly by: RepBy; readonly filters: ResolvedFilters; readonly onDrill: OnDrill; readonly large?: boolean }) {
  const reps = useWithMeta(useSlaByRep(by, filters));
  const { data, meta } = reps;
  const option = useMemo(() => (data && meta ? categoryChartOption(slaRepChartInput(meta, data, large)) : null), [data, meta, large]);
  const table = useMemo(() => (data && meta ? slaRepTable(meta, data, by) : null), [data, meta, by]);
  const byTitle = memberTitle(meta, REP_DIMENSIONS[by], by).toLowerCase();
  const count = reps.data?.length ?? 0;
  const drill = (index: number, measure: string) => {
    const rep = reps.data?.[index];
    if (!rep) return;
    onDrill({
      title: `${memberTitle(meta, measure, measure)} · ${rep.key} · ${describeRange(filters.dateRange)}`,
      measure,
      filters: [...salesSlaFilters(filters), { member: REP_DIMENSIONS[by], operator: 'equals', values: [rep.key] }],
      timeDimensions: handoffScope(filters.dateRange),
    });
  };
  return (
    <ChartPanel
      testId={`chart-sla-${by}`}
      title={`Sales follow-up by ${byTitle}`}
      description={`Handed-off MQLs in the period by ${byTitle}, most breaches first${count >= REP_LIMIT ? ` (top ${REP_LIMIT})` : ''}. The table has compliance and median hours to first touch.`}
      query={reps}
      option={option}
      table={table}
      large={large ?? false}
      height={large ? 560 : Math.max(240, count * 30 + 70)}
      onItemClick={(item) => drill(item.dataIndex, WEEK_SERIES[item.seriesIndex] ?? SALES_SLA.breachedCount)}
      onRowClick={(_, index) => drill(index, SALES_SLA.breachedCount)}
    />
  );
}
