import { describe, expect, it } from 'vitest';
import { STATUS_COLORS } from '../../../config/palette';
import { marketingChartInput, marketingTable, slaRepTable, slaWeekChartInput } from './sla-data';

const week = (w: string, met: number, breached: number, pending: number, rate: number | null) => ({
  week: w,
  values: { 'funnel.sla_met_count': met, 'funnel.sla_breached_count': breached, 'funnel.sla_pending_count': pending, 'funnel.sla_compliance_rate': rate },
});

describe('slaWeekChartInput', () => {
  const input = slaWeekChartInput([week('2026-03-02T00:00:00.000', 8, 2, 0, 0.8), week('2026-03-09T00:00:00.000', 1, 3, 5, 0.25)]);
  const cases = [
    { name: 'weeks as labels', actual: input.categories, expected: ['Wk 2 Mar 2026', 'Wk 9 Mar 2026'] },
    { name: 'met, breached, pending stacked', actual: input.series.slice(0, 3).map((s) => [s.name, s.stack, s.values]), expected: [['Met', 'status', [8, 1]], ['Breached', 'status', [2, 3]], ['Pending', 'status', [0, 5]]] },
    { name: 'status colours', actual: input.series.slice(0, 3).map((s) => s.color), expected: [STATUS_COLORS.good, STATUS_COLORS.bad, STATUS_COLORS.pending] },
    { name: 'compliance line on the second axis', actual: [input.series[3]?.kind, input.series[3]?.axis, input.series[3]?.format, input.series[3]?.values], expected: ['line', 1, 'percent', [0.8, 0.25]] },
  ];
  for (const c of cases) it(c.name, () => expect(c.actual).toEqual(c.expected));
});

describe('slaRepTable', () => {
  it('one row per rep with compliance and median hours', () => {
    const t = slaRepTable([{ key: 'Ana', values: week('', 3, 1, 0, 0.75).values, medianHours: 5.5 }], 'Owner');
    expect(t.columns.map((c) => c.title)).toEqual(['Owner', 'Compliance', 'Met', 'Breached', 'Pending', 'Median hours to first touch']);
    expect(t.rows[0]).toMatchObject({ key: 'Ana', 'funnel.sla_compliance_rate': 0.75, 'funnel.median_hours_to_first_touch': 5.5 });
  });
});

describe('marketing SLA', () => {
  const rows = [
    { key: '2026-01-01', committed: 100, delivered: 90, attainment: 0.9 },
    { key: '2026-02-01', committed: 100, delivered: null, attainment: null },
  ];
  const cases = [
    { name: 'by month: month labels', actual: marketingChartInput('month', rows).categories, expected: ['Jan 2026', 'Feb 2026'] },
    { name: 'by segment: names as labels', actual: marketingChartInput('segment', [{ ...rows[0]!, key: 'SMB' }]).categories, expected: ['SMB'] },
    { name: 'committed and delivered bars, attainment line', actual: marketingChartInput('month', rows).series.map((s) => [s.name, s.kind ?? 'bar', s.axis ?? 0]), expected: [['Committed', 'bar', 0], ['Delivered', 'bar', 0], ['Attainment', 'line', 1]] },
    { name: 'table columns', actual: marketingTable('segment', rows).columns.map((c) => `${c.title}:${c.format}`), expected: ['Segment:text', 'MQLs committed:integer', 'MQLs delivered:integer', 'Attainment:percent'] },
  ];
  for (const c of cases) it(c.name, () => expect(c.actual).toEqual(c.expected));
});
