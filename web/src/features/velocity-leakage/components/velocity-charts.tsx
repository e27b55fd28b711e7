// Days between consecutive stages, and time spent in each stage.
import { useMemo } from 'react';
import { ChartPanel } from '../../../components/chart-panel';
import { categoryChartOption } from '../../../lib/chart-options';
import type { OnDrill } from '../../../lib/drill';
import { describeRange } from '../../../lib/filters';
import type { ResolvedFilters } from '../../../lib/filters';
import { useStageVelocity } from '../api/get-stage-velocity';
import { useTimeInStage } from '../api/get-time-in-stage';
import { VELOCITY, cubeFilters } from '../api/members';
import { stageLabel, timeInStageChartInput, timeInStageTable, transitionLabel, transitionsChartInput, transitionsTable } from './velocity-data';

interface Props {
  readonly filters: ResolvedFilters;
  readonly onDrill: OnDrill;
  readonly large?: boolean;
}

function enteredScope(filters: ResolvedFilters) {
  return filters.dateRange ? [{ dimension: VELOCITY.enteredDate, dateRange: [filters.dateRange[0], filters.dateRange[1]] as [string, string] }] : [];
}

export function StageVelocityChart({ filters, onDrill, large }: Props) {
  const velocity = useStageVelocity(filters);
  const option = useMemo(() => (velocity.data ? categoryChartOption(transitionsChartInput(velocity.data, large)) : null), [velocity.data, large]);
  const table = useMemo(() => (velocity.data ? transitionsTable(velocity.data) : null), [velocity.data]);
  const drill = (index: number) => {
    const t = velocity.data?.[index];
    if (!t) return;
    onDrill({
      title: `${transitionLabel(t)} · entered ${describeRange(filters.dateRange)}`,
      measure: VELOCITY.transitionCount,
      filters: [
        ...cubeFilters(filters, 'velocity').filters,
        { member: VELOCITY.previousStage, operator: 'equals', values: [t.from] },
        { member: VELOCITY.stage, operator: 'equals', values: [t.to] },
      ],
      timeDimensions: enteredScope(filters),
    });
  };
  return (
    <ChartPanel
      testId="chart-velocity"
      title="Days between stages"
      description="Median and 90th-percentile days from one stage to the next, for stage entries in the period. Skipped stages show as direct transitions."
      query={velocity}
      option={option}
      table={table}
      large={large ?? false}
      height={large ? 560 : Math.max(260, (velocity.data?.length ?? 0) * 46 + 70)}
      onItemClick={(item) => drill(item.dataIndex)}
      onRowClick={(_, index) => drill(index)}
    />
  );
}

export function TimeInStageChart({ filters, onDrill, large }: Props) {
  const stages = useTimeInStage(filters);
  const option = useMemo(() => (stages.data ? categoryChartOption(timeInStageChartInput(stages.data, large)) : null), [stages.data, large]);
  const table = useMemo(() => (stages.data ? timeInStageTable(stages.data) : null), [stages.data]);
  const drill = (index: number) => {
    const s = stages.data?.[index];
    if (!s) return;
    onDrill({
      title: `Entered ${stageLabel(s.stage)} · ${describeRange(filters.dateRange)}`,
      measure: VELOCITY.eventCount,
      filters: [...cubeFilters(filters, 'velocity').filters, { member: VELOCITY.stage, operator: 'equals', values: [s.stage] }],
      timeDimensions: enteredScope(filters),
    });
  };
  return (
    <ChartPanel
      testId="chart-time-in-stage"
      title="Time in stage"
      description="Median and 90th-percentile days leads spent in each stage before the next (leads still in a stage are left out)."
      query={stages}
      option={option}
      table={table}
      large={large ?? false}
      onItemClick={(item) => drill(item.dataIndex)}
      onRowClick={(_, index) => drill(index)}
    />
  );
}
