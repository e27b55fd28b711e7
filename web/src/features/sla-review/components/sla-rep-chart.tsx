// Sales follow-up by owner or by team.
import { useMemo } from 'react';
import { ChartPanel } from '../../../components/chart-panel';
import { categoryChartOption } from '../../../lib/chart-options';
import type { OnDrill } from '../../../lib/drill';
import { describeRange } from '../../../lib/filters';
import type { ResolvedFilters } from '../../../lib/filters';
import { REP_DIMENSIONS, REP_LIMIT, useSlaByRep } from '../api/get-sla-by-rep';
import type { RepBy } from '../api/get-sla-by-rep';
import { SALES_SLA, handoffScope, salesSlaFilters } from '../api/members';
import { WEEK_SERIES, slaRepChartInput, slaRepTable } from './sla-data';

const TITLES: Readonly<Record<RepBy, string>> = { owner: 'Owner', team: 'Team' };

export function SlaRepChart({ by, filters, onDrill, large }: { readonly by: RepBy; readonly filters: ResolvedFilters; readonly onDrill: OnDrill; readonly large?: boolean }) {
  const reps = useSlaByRep(by, filters);
  const option = useMemo(() => (reps.data ? categoryChartOption(slaRepChartInput(reps.data, large)) : null), [reps.data, large]);
  const table = useMemo(() => (reps.data ? slaRepTable(reps.data, TITLES[by]) : null), [reps.data, by]);
  const count = reps.data?.length ?? 0;
  const drill = (index: number, measure: string) => {
    const rep = reps.data?.[index];
    if (!rep) return;
    onDrill({
      title: `${measure === SALES_SLA.metCount ? 'SLA met' : measure === SALES_SLA.pendingCount ? 'SLA pending' : 'SLA breached'} · ${rep.key} · ${describeRange(filters.dateRange)}`,
      measure,
      filters: [...salesSlaFilters(filters), { member: REP_DIMENSIONS[by], operator: 'equals', values: [rep.key] }],
      timeDimensions: handoffScope(filters.dateRange),
    });
  };
  return (
    <ChartPanel
      testId={`chart-sla-${by}`}
      title={`Sales follow-up by ${TITLES[by].toLowerCase()}`}
      description={`Handed-off MQLs in the period by ${TITLES[by].toLowerCase()}, most breaches first${count >= REP_LIMIT ? ` (top ${REP_LIMIT})` : ''}. The table has compliance and median hours to first touch.`}
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
