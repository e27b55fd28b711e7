// The MQL → SAL → SQL → opportunity → won funnel with step and cumulative conversion.
import { useMemo } from 'react';
import { ChartPanel } from '../../../components/chart-panel';
import { funnelOption, funnelSteps } from '../../../lib/chart-options';
import { describeRange } from '../../../lib/filters';
import type { ResolvedFilters } from '../../../lib/filters';
import type { OnDrill } from '../../../lib/drill';
import type { TableData } from '../../../lib/table';
import { useFunnelStages } from '../api/get-funnel-stages';
import { funnelFilters, mqlCohort } from '../api/members';

export interface FunnelChartProps {
  readonly filters: ResolvedFilters;
  readonly onDrill: OnDrill;
  readonly large?: boolean;
}

export function FunnelChart({ filters, onDrill, large }: FunnelChartProps) {
  const stages = useFunnelStages(filters);
  const option = useMemo(() => (stages.data ? funnelOption(stages.data, large) : null), [stages.data, large]);
  const table = useMemo<TableData | null>(() => {
    if (!stages.data) return null;
    const steps = funnelSteps(stages.data);
    if (steps.every((s) => s.value === 0)) return { columns: [], rows: [] };
    return {
      columns: [
        { key: 'name', title: 'Stage', format: 'text' },
        { key: 'value', title: 'Leads', format: 'integer' },
        { key: 'stepRate', title: 'Step conversion', format: 'percent' },
        { key: 'cumulativeRate', title: 'Of MQLs', format: 'percent' },
      ],
      rows: steps.map((s) => ({ name: s.name, value: s.value, stepRate: s.stepRate, cumulativeRate: s.cumulativeRate })),
    };
  }, [stages.data]);
  const drill = (index: number) => {
    const stage = stages.data?.[index];
    if (!stage) return;
    onDrill({ title: `${stage.name} · ${describeRange(filters.dateRange)}`, measure: stage.key, filters: funnelFilters(filters), timeDimensions: mqlCohort(filters.dateRange) });
  };
  return (
    <ChartPanel
      testId="chart-funnel"
      title="Lead funnel"
      description="Leads of this period's MQL cohort at each stage; step conversion is against the stage before."
      query={stages}
      option={option}
      table={table}
      large={large ?? false}
      height={large ? 560 : 280}
      onItemClick={(item) => drill(item.dataIndex)}
      onRowClick={(_, index) => drill(index)}
    />
  );
}
