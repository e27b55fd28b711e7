import { describe, expect, it } from 'vitest';
import { STATUS_COLORS } from '../../../config/palette';
import { fixtureMeta } from '../../../lib/meta-fixture';
import { marketingChartInput, marketingTable, slaRepTable, slaWeekChartInput, slaWeekTable } from './sla-data';

// Titles as the model gives them (model/cubes/funnel/leads.yml, sla/sla_targets.yml): the
// mappers must show these, not titles of their own.
const meta = fixtureMeta({
  'funnel.handoff_date': { title: 'Handoff date', type: 'time' },
  'funnel.owner': { title: 'Owner' },
  'funnel.sla_met_count': { title: 'Sales SLA met', aggType: 'count', format: 'number' },
  'funnel.sla_breached_count': { title: 'Sales SLA breached', aggType: 'count', format: 'number' },
  'funnel.sla_pending_count': { title: 'Sales SLA pending', aggType: 'count', format: 'number' },
  'funnel.sla_compliance_rate': { title: 'Sales SLA compliance', aggType: 'number', format: 'percent' },
  'funnel.median_hours_to_first_touch': { title: 'Median hours to first touch', aggType: 'number', format: 'number_1', meta: { unit: 'hours' } },
  'marketing_sla.month': { title: 'Month', type: 'time' },
  'marketing_sla.segment': { title: 'Segment' },
  'marketing_sla.committed_mqls': { title: 'MQLs committed', aggType: 'sum', format: 'number_0' },
  'marketing_sla.delivered_mqls': { title: 'MQLs delivered', aggType: 'sum', format: 'number_0' },
  'marketing_sla.attainment': { title: 'Marketing SLA attainment', aggType: 'number', format: 'percent' },
});

const week = (w: string, met: number, breached: number, pending: number, rate: number | null) => ({
  week: w,
  values: { 'funnel.sla_met_count': met, 'funnel.sla_breached_count': breached, 'funnel.sla_pending_count': pending, 'funnel.sla_compliance_rate': rate },
});

describe('slaWeekChartInput', () => {
  const input = slaWeekChartInput(meta, [week('2026-03-02T00:00:00.000', 8, 2, 0, 0.8), week('2026-03-09T00:00:00.000', 1, 3, 5, 0.25)]);
  const cases = [
    { name: 'weeks as labels', actual: input.categories, expected: ['Wk 2 Mar 2026', 'Wk 9 Mar 2026'] },
    { name: 'met, breached, pending stacked, named by the model', actual: input.series.slice(0, 3).map((s) => [s.name, s.stack, s.format, s.values]), expected: [['Sales SLA met', 'status', 'integer', [8, 1]], ['Sales SLA breached', 'status', 'integer', [2, 3]], ['Sales SLA pending', 'status', 'integer', [0, 5]]] },
    { name: 'status colours', actual: input.series.slice(0, 3).map((s) => s.color), expected: [STATUS_COLORS.good, STATUS_COLORS.bad, STATUS_COLORS.pending] },
    { name: 'compliance line on the second axis', actual: [input.series[3]?.name, input.series[3]?.kind, input.series[3]?.axis, input.series[3]?.format, input.series[3]?.values], expected: ['Sales SLA compliance', 'line', 1, 'percent', [0.8, 0.25]] },
    { name: 'table: the time dimension and granularity, then the measures', actual: slaWeekTable(meta, []).columns.map((c) => `${c.title}:${c.format}`), expected: ['Handoff date (week):week', 'Sales SLA met:integer', 'Sales SLA breached:integer', 'Sales SLA pending:integer', 'Sales SLA compliance:percent'] },
  ];
  for (const c of cases) it(c.name, () => expect(c.actual).toEqual(c.expected));
});

describe('slaRepTable', () => {
  it('one row per rep with compliance and median hours (hours from the model unit)', () => {
    const t = slaRepTable(meta, [{ key: 'Ana', values: week('', 3, 1, 0, 0.75).values, medianHours: 5.5 }], 'owner');
    expect(t.columns.map((c) => `${c.title}:${c.format}`)).toEqual(['Owner:text', 'Sales SLA compliance:percent', 'Sales SLA met:integer', 'Sales SLA breached:integer', 'Sales SLA pending:integer', 'Median hours to first touch:hours']);
    expect(t.rows[0]).toMatchObject({ key: 'Ana', 'funnel.sla_compliance_rate': 0.75, 'funnel.median_hours_to_first_touch': 5.5 });
  });
});

describe('marketing SLA', () => {
  const rows = [
    { key: '2026-01-01', committed: 100, delivered: 90, attainment: 0.9 },
    { key: '2026-02-01', committed: 100, delivered: null, attainment: null },
  ];
  const cases = [
    { name: 'by month: month labels', actual: marketingChartInput(meta, 'month', rows).categories, expected: ['Jan 2026', 'Feb 2026'] },
    { name: 'by segment: names as labels', actual: marketingChartInput(meta, 'segment', [{ ...rows[0]!, key: 'SMB' }]).categories, expected: ['SMB'] },
    { name: 'committed and delivered bars, attainment line', actual: marketingChartInput(meta, 'month', rows).series.map((s) => [s.name, s.kind ?? 'bar', s.axis ?? 0, s.format]), expected: [['MQLs committed', 'bar', 0, 'integer'], ['MQLs delivered', 'bar', 0, 'integer'], ['Marketing SLA attainment', 'line', 1, 'percent']] },
    { name: 'table columns by segment', actual: marketingTable(meta, 'segment', rows).columns.map((c) => `${c.title}:${c.format}`), expected: ['Segment:text', 'MQLs committed:integer', 'MQLs delivered:integer', 'Marketing SLA attainment:percent'] },
    { name: 'table columns by month', actual: marketingTable(meta, 'month', rows).columns.map((c) => `${c.title}:${c.format}`), expected: ['Month:month', 'MQLs committed:integer', 'MQLs delivered:integer', 'Marketing SLA attainment:percent'] },
  ];
  for (const c of cases) it(c.name, () => expect(c.actual).toEqual(c.expected));
});
