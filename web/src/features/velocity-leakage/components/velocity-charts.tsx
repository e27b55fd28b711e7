// Days between consecutive stages, and time spent in each stage.
import { useMemo } from 'react';
import { ChartPanel } from '../../../components/chart-panel';
import { categoryChartOption } from '../../../lib/chart-options';
import { useValueLabel, useWithMeta } from '../../../lib/cube-meta';
import type { OnDrill } from '../../../lib/drill';
import { describeRange } from '../../../lib/filters';
import type { ResolvedFilters } from '../../../lib/filters';
import { useStageVelocity } from '../api/get-stage-velocity';
import { useTimeInStage } from '../api/get-time-in-stage';
import { VELOCITY, cubeFilters } from '../api/members';
import { timeInStageChartInput, timeInStageTable, transitionLabel, transitionsChartInput, transitionsTable } from './velocity-data';

interface Props {
  readonly filters: ResolvedFilters;
  readonly onDrill: OnDrill;
  readonly large?: boolean;
}

function enteredScope(filters: ResolvedFilters) {
  return filters.dateRange ? [{ dimension: VELOCITY.enteredDate, dateRange: [filters.dateRange[0], filters.dateRange[1]] as [string, string] }] : [];
}

export function StageVelocityChart({ filters, onDrill, large }: Props) {
  const velocity = useWithMeta(useStageVelocity(filters));
  const stageLabel = useValueLabel(VELOCITY.stage);
  const { meta } = velocity;
  const option = useMemo(() => (velocity.data && meta ? categoryChartOption(transitionsChartInput(meta, velocity.data, stageLabel, large)) : null), [velocity.data, meta, stageLabel, large]);
  const table = useMemo(() => (velocity.data && meta ? transitionsTable(meta, velocity.data, stageLabel) : null), [velocity.data, meta, stageLabel]);
  const drill = (index: number) => {
    const t = velocity.data?.[index];
    if (!t) return;
    onDrill({
      title: `${transitionLabel(t, stageLabel)} · entered ${describeRange(filters.dateRange)}`,
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
  const stages = useWithMeta(useTimeInStage(filters));
  const stageLabel = useValueLabel(VELOCITY.stage);
  const { meta } = stages;
  const option = useMemo(() => (stages.data && meta ? categoryChartOption(timeInStageChartInput(meta, stages.data, stageLabel, large)) : null), [stages.data, meta, stageLabel, large]);
  const table = useMemo(() => (stages.data && meta ? timeInStageTable(meta, stages.data, stageLabel) : null), [stages.data, meta, stageLabel]);
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
