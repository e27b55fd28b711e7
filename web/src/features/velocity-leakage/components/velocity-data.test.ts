import { describe, expect, it } from 'vitest';
import { fixtureMeta } from '../../../lib/meta-fixture';
import { baseName, leaksChartInput, leaksTable, quarantineChartInput, quarantineFiles, timeInStageChartInput, transitionLabel, transitionsChartInput } from './velocity-data';

// Labels as the model gives them (meta.values on velocity.stage / leakage.kind, read from /meta).
const STAGES: Record<string, string> = { mql: 'MQL', handoff: 'Handoff', sal: 'SAL', sql: 'SQL' };
const stageLabel = (v: string) => STAGES[v] ?? v;
const LEAKS: Record<string, string> = { not_in_crm: 'Never reached the CRM', not_touched: 'Never touched' };
const leakLabel = (v: string) => LEAKS[v] ?? v;
// Member titles and formats as the model gives them (model/cubes/data_quality/leaks.yml).
const meta = fixtureMeta({ 'leakage.kind': { title: 'Leak kind' }, 'leakage.leak_row_count': { title: 'Leaks', aggType: 'count', format: 'number' } });

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
    const input = transitionsChartInput([{ from: 'mql', to: 'handoff', transitions: 4, median: 1.5, p90: 6 }], stageLabel);
    expect(input.categories).toEqual(['MQL → Handoff']);
    expect(input.series.map((s) => [s.name, s.format, s.values])).toEqual([
      ['Median days', 'days', [1.5]],
      ['90th percentile', 'days', [6]],
    ]);
    expect(input.horizontal).toBe(true);
  });
  it('time in stage: stages as categories', () => {
    const input = timeInStageChartInput([{ stage: 'sal', entries: 3, median: 2, p90: null }], stageLabel);
    expect(input.categories).toEqual(['SAL']);
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
    const input = quarantineChartInput(cells);
    expect(input.categories).toEqual(['Lead.csv', 'Task.csv']);
    expect(input.series[0]?.values).toEqual([3, 2]);
  });
});
