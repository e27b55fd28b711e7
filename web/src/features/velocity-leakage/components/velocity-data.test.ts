import { describe, expect, it } from 'vitest';
import { fixtureMeta } from '../../../lib/meta-fixture';
import { baseName, leaksChartInput, leaksTable, openDealsTable, quarantineChartInput, quarantineFiles, quarantineTable, timeInStageChartInput, timeInStageTable, transitionLabel, transitionsChartInput, transitionsTable } from './velocity-data';

// Labels as the model gives them (meta.values on velocity.stage / leakage.kind, read from /meta).
const STAGES: Record<string, string> = { mql: 'MQL', handoff: 'Handoff', sal: 'SAL', sql: 'SQL' };
const stageLabel = (v: string) => STAGES[v] ?? v;
const LEAKS: Record<string, string> = { not_in_crm: 'Never reached the CRM', not_touched: 'Never touched' };
const leakLabel = (v: string) => LEAKS[v] ?? v;
// Member titles and formats as the model gives them (model/cubes/data_quality/leaks.yml).
// (model/cubes/data_quality/leaks.yml, rejected_rows.yml, velocity/stage_events.yml, pipeline/opportunities.yml)
const days = { format: 'number_1', meta: { unit: 'days' } };
const meta = fixtureMeta({
  'leakage.kind': { title: 'Leak kind' },
  'leakage.leak_row_count': { title: 'Leaks', aggType: 'count', format: 'number' },
  'velocity.stage': { title: 'Stage' },
  'velocity.event_count': { title: 'Stage entries', aggType: 'count', format: 'number' },
  'velocity.transition_count': { title: 'Transitions', aggType: 'count', format: 'number' },
  'velocity.median_days_from_previous': { title: 'Median days from previous stage', aggType: 'number', ...days },
  'velocity.p90_days_from_previous': { title: '90th percentile days from previous stage', aggType: 'number', ...days },
  'velocity.median_days_in_stage': { title: 'Median days in stage', aggType: 'number', ...days },
  'velocity.p90_days_in_stage': { title: '90th percentile days in stage', aggType: 'number', ...days },
  'quarantine.file': { title: 'File' },
  'quarantine.reason': { title: 'Reason' },
  'quarantine.rejected_row_count': { title: 'Quarantined rows', aggType: 'count', format: 'number' },
  'pipeline.channel': { title: 'Channel' },
  'pipeline.open_count': { title: 'Open deals', aggType: 'count', format: 'number' },
  'pipeline.open_amount': { title: 'Open amount', aggType: 'sum', format: 'currency' },
  'pipeline.avg_open_age_days': { title: 'Average open deal age', aggType: 'number', ...days },
  'pipeline.max_open_age_days': { title: 'Oldest open deal age', aggType: 'max', ...days },
});
const columns = (t: { columns: readonly { title: string; format: string }[] }) => t.columns.map((c) => `${c.title}:${c.format}`);

describe('labels', () => {
  const cases = [
    { actual: transitionLabel({ from: 'sal', to: 'sql' }, stageLabel), expected: 'SAL → SQL' },
    { actual: baseName('/data/exports/Lead.csv'), expected: 'Lead.csv' },
    { actual: baseName('C:\\exports\\Task.csv'), expected: 'Task.csv' },
  ];
  for (const c of cases) it(c.expected, () => expect(c.actual).toBe(c.expected));
});

describe('velocity charts', () => {
  it('transitions: median and p90 in days, horizontal', () => {
    const rows = [{ from: 'mql', to: 'handoff', transitions: 4, median: 1.5, p90: 6 }];
    const input = transitionsChartInput(meta, rows, stageLabel);
    expect(input.categories).toEqual(['MQL → Handoff']);
    expect(input.series.map((s) => [s.name, s.format, s.values])).toEqual([
      ['Median days from previous stage', 'days', [1.5]],
      ['90th percentile days from previous stage', 'days', [6]],
    ]);
    expect(columns(transitionsTable(meta, rows, stageLabel))).toEqual(['Transition:text', 'Transitions:integer', 'Median days from previous stage:days', '90th percentile days from previous stage:days']);
    expect(input.horizontal).toBe(true);
  });
  it('time in stage: stages as categories', () => {
    const rows = [{ stage: 'sal', entries: 3, median: 2, p90: null }];
    const input = timeInStageChartInput(meta, rows, stageLabel);
    expect(input.categories).toEqual(['SAL']);
    expect(input.series.map((s) => [s.name, s.format])).toEqual([['Median days in stage', 'days'], ['90th percentile days in stage', 'days']]);
    expect(columns(timeInStageTable(meta, rows, stageLabel))).toEqual(['Stage:text', 'Stage entries:integer', 'Median days in stage:days', '90th percentile days in stage:days']);
    expect(timeInStageTable(meta, rows, stageLabel).rows[0]).toMatchObject({ stage: 'SAL', entries: 3 });
    expect(input.series[1]?.values).toEqual([null]);
  });
});

describe('leak and quarantine charts', () => {
  it('leaks: the measure and the kind titled by the model', () => {
    const kinds = [{ kind: 'not_in_crm', count: 2 }];
    expect(leaksChartInput(meta, kinds, leakLabel).series.map((s) => [s.name, s.format, s.values])).toEqual([['Leaks', 'integer', [2]]]);
    expect(leaksTable(meta, kinds, leakLabel).columns.map((c) => `${c.title}:${c.format}`)).toEqual(['Leak kind:text', 'Leak kind (value):text', 'Leaks:integer']);
    expect(leaksTable(meta, kinds, leakLabel).rows).toEqual([{ label: 'Never reached the CRM', kind: 'not_in_crm', count: 2 }]);
  });
  it('leak kinds get readable labels', () => {
    expect(leaksChartInput(meta, [{ kind: 'not_in_crm', count: 2 }, { kind: 'not_touched', count: 7 }], leakLabel).categories).toEqual(['Never reached the CRM', 'Never touched']);
  });
  it('quarantine: files by total rows, base names as labels', () => {
    const cells = [
      { file: '/x/Lead.csv', reason: 'bad date', count: 1 },
      { file: '/x/Task.csv', reason: 'bad date', count: 2 },
      { file: '/x/Lead.csv', reason: 'negative amount', count: 2 },
    ];
    expect(quarantineFiles(cells)).toEqual([{ file: '/x/Lead.csv', count: 3 }, { file: '/x/Task.csv', count: 2 }]);
    const input = quarantineChartInput(meta, cells);
    expect(input.categories).toEqual(['Lead.csv', 'Task.csv']);
    expect(input.series[0]?.values).toEqual([3, 2]);
    expect(input.series[0]?.name).toBe('Quarantined rows');
    expect(columns(quarantineTable(meta, cells))).toEqual(['File:text', 'Reason:text', 'Quarantined rows:integer']);
  });
  it('open deals: ages in days, from the model unit', () => {
    expect(columns(openDealsTable(meta, []))).toEqual(['Channel:text', 'Open deals:integer', 'Open amount:currency', 'Average open deal age:days', 'Oldest open deal age:days']);
  });
});
