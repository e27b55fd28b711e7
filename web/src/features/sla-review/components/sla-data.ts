// SLA data → chart inputs and tables (pure; unit-tested).
import { STATUS_COLORS } from '../../../config/palette';
import type { CategoryChartInput } from '../../../lib/chart-options';
import { formatPeriod } from '../../../lib/format';
import type { TableData } from '../../../lib/table';
import type { MarketingBy, MarketingSlaRow } from '../api/get-marketing-sla';
import type { SlaRep } from '../api/get-sla-by-rep';
import type { SlaWeek } from '../api/get-sla-by-week';
import { SALES_SLA } from '../api/members';

export const WEEK_SERIES = [SALES_SLA.metCount, SALES_SLA.breachedCount, SALES_SLA.pendingCount, SALES_SLA.complianceRate] as const;

export function slaWeekChartInput(weeks: readonly SlaWeek[], large?: boolean): CategoryChartInput {
  return {
    categories: weeks.map((w) => formatPeriod(w.week, 'week')),
    series: [
      { name: 'Met', values: weeks.map((w) => w.values[SALES_SLA.metCount]), stack: 'status', color: STATUS_COLORS.good, format: 'integer' },
      { name: 'Breached', values: weeks.map((w) => w.values[SALES_SLA.breachedCount]), stack: 'status', color: STATUS_COLORS.bad, format: 'integer' },
      { name: 'Pending', values: weeks.map((w) => w.values[SALES_SLA.pendingCount]), stack: 'status', color: STATUS_COLORS.pending, format: 'integer' },
      { name: 'Compliance', values: weeks.map((w) => w.values[SALES_SLA.complianceRate]), kind: 'line', axis: 1, format: 'percent', color: '#0072B2' },
    ],
    format: 'integer',
    large: large ?? false,
  };
}

export function slaWeekTable(weeks: readonly SlaWeek[]): TableData {
  return {
    columns: [
      { key: 'week', title: 'Handoff week', format: 'week' },
      { key: SALES_SLA.metCount, title: 'Met', format: 'integer' },
      { key: SALES_SLA.breachedCount, title: 'Breached', format: 'integer' },
      { key: SALES_SLA.pendingCount, title: 'Pending', format: 'integer' },
      { key: SALES_SLA.complianceRate, title: 'Compliance', format: 'percent' },
    ],
    rows: weeks.map((w) => ({ week: w.week, ...w.values })),
  };
}

export function slaRepChartInput(reps: readonly SlaRep[], large?: boolean): CategoryChartInput {
  return {
    categories: reps.map((r) => r.key),
    series: [
      { name: 'Met', values: reps.map((r) => r.values[SALES_SLA.metCount]), stack: 'status', color: STATUS_COLORS.good, format: 'integer' },
      { name: 'Breached', values: reps.map((r) => r.values[SALES_SLA.breachedCount]), stack: 'status', color: STATUS_COLORS.bad, format: 'integer' },
      { name: 'Pending', values: reps.map((r) => r.values[SALES_SLA.pendingCount]), stack: 'status', color: STATUS_COLORS.pending, format: 'integer' },
    ],
    horizontal: true,
    format: 'integer',
    large: large ?? false,
  };
}

export function slaRepTable(reps: readonly SlaRep[], title: string): TableData {
  return {
    columns: [
      { key: 'key', title, format: 'text' },
      { key: SALES_SLA.complianceRate, title: 'Compliance', format: 'percent' },
      { key: SALES_SLA.metCount, title: 'Met', format: 'integer' },
      { key: SALES_SLA.breachedCount, title: 'Breached', format: 'integer' },
      { key: SALES_SLA.pendingCount, title: 'Pending', format: 'integer' },
      { key: SALES_SLA.medianHours, title: 'Median hours to first touch', format: 'hours' },
    ],
    rows: reps.map((r) => ({ key: r.key, ...r.values, [SALES_SLA.medianHours]: r.medianHours })),
  };
}

export function marketingChartInput(by: MarketingBy, rows: readonly MarketingSlaRow[], large?: boolean): CategoryChartInput {
  const categories = rows.map((r) => (by === 'month' ? formatPeriod(r.key, 'month') : r.key));
  return {
    categories,
    series: [
      { name: 'Committed', values: rows.map((r) => r.committed), format: 'integer', color: '#999999' },
      { name: 'Delivered', values: rows.map((r) => r.delivered), format: 'integer', color: '#0072B2' },
      { name: 'Attainment', values: rows.map((r) => r.attainment), kind: 'line', axis: 1, format: 'percent', color: '#E69F00' },
    ],
    format: 'integer',
    large: large ?? false,
  };
}

export function marketingTable(by: MarketingBy, rows: readonly MarketingSlaRow[]): TableData {
  return {
    columns: [
      { key: 'key', title: by === 'month' ? 'Month' : 'Segment', format: by === 'month' ? 'month' : 'text' },
      { key: 'committed', title: 'MQLs committed', format: 'integer' },
      { key: 'delivered', title: 'MQLs delivered', format: 'integer' },
      { key: 'attainment', title: 'Attainment', format: 'percent' },
    ],
    rows: rows.map((r) => ({ ...r })),
  };
}
