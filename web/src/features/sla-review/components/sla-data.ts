// SLA data → chart inputs and tables (pure; unit-tested). Every member's title and format comes
// from the model (/meta); only colours and chart shapes are decided here.
import { STATUS_COLORS } from '../../../config/palette';
import type { CategoryChartInput } from '../../../lib/chart-options';
import { memberColumn, memberSeries, periodColumn } from '../../../lib/cube-meta';
import type { CubeMeta } from '../../../lib/cube-meta';
import { formatPeriod } from '../../../lib/format';
import type { TableData } from '../../../lib/table';
import type { MarketingBy, MarketingSlaRow } from '../api/get-marketing-sla';
import { REP_DIMENSIONS } from '../api/get-sla-by-rep';
import type { RepBy, SlaRep } from '../api/get-sla-by-rep';
import type { SlaWeek } from '../api/get-sla-by-week';
import { MARKETING_SLA, SALES_SLA } from '../api/members';

export const WEEK_SERIES = [SALES_SLA.metCount, SALES_SLA.breachedCount, SALES_SLA.pendingCount, SALES_SLA.complianceRate] as const;

const STATUS_SERIES = [
  { member: SALES_SLA.metCount, color: STATUS_COLORS.good },
  { member: SALES_SLA.breachedCount, color: STATUS_COLORS.bad },
  { member: SALES_SLA.pendingCount, color: STATUS_COLORS.pending },
] as const;

function statusSeries(meta: CubeMeta, rows: readonly { readonly values: SlaRep['values'] }[]): CategoryChartInput['series'] {
  return STATUS_SERIES.map(({ member, color }) => ({ ...memberSeries(meta, member), values: rows.map((r) => r.values[member]), stack: 'status', color }));
}

export function slaWeekChartInput(meta: CubeMeta, weeks: readonly SlaWeek[], large?: boolean): CategoryChartInput {
  return {
    categories: weeks.map((w) => formatPeriod(w.week, 'week')),
    series: [
      ...statusSeries(meta, weeks),
      { ...memberSeries(meta, SALES_SLA.complianceRate), values: weeks.map((w) => w.values[SALES_SLA.complianceRate]), kind: 'line', axis: 1, color: '#0072B2' },
    ],
    format: memberSeries(meta, SALES_SLA.metCount).format,
    large: large ?? false,
  };
}

export function slaWeekTable(meta: CubeMeta, weeks: readonly SlaWeek[]): TableData {
  return {
    columns: [
      periodColumn(meta, SALES_SLA.handoffDate, 'week', 'week'),
      ...[SALES_SLA.metCount, SALES_SLA.breachedCount, SALES_SLA.pendingCount, SALES_SLA.complianceRate].map((m) => memberColumn(meta, m)),
    ],
    rows: weeks.map((w) => ({ week: w.week, ...w.values })),
  };
}

export function slaRepChartInput(meta: CubeMeta, reps: readonly SlaRep[], large?: boolean): CategoryChartInput {
  return {
    categories: reps.map((r) => r.key),
    series: statusSeries(meta, reps),
    horizontal: true,
    format: memberSeries(meta, SALES_SLA.metCount).format,
    large: large ?? false,
  };
}

export function slaRepTable(meta: CubeMeta, reps: readonly SlaRep[], by: RepBy): TableData {
  return {
    columns: [
      memberColumn(meta, REP_DIMENSIONS[by], 'key'),
      ...[SALES_SLA.complianceRate, SALES_SLA.metCount, SALES_SLA.breachedCount, SALES_SLA.pendingCount, SALES_SLA.medianHours].map((m) => memberColumn(meta, m)),
    ],
    rows: reps.map((r) => ({ key: r.key, ...r.values, [SALES_SLA.medianHours]: r.medianHours })),
  };
}

export function marketingChartInput(meta: CubeMeta, by: MarketingBy, rows: readonly MarketingSlaRow[], large?: boolean): CategoryChartInput {
  const categories = rows.map((r) => (by === 'month' ? formatPeriod(r.key, 'month') : r.key));
  return {
    categories,
    series: [
      { ...memberSeries(meta, MARKETING_SLA.committed), values: rows.map((r) => r.committed), color: '#999999' },
      { ...memberSeries(meta, MARKETING_SLA.delivered), values: rows.map((r) => r.delivered), color: '#0072B2' },
      { ...memberSeries(meta, MARKETING_SLA.attainment), values: rows.map((r) => r.attainment), kind: 'line', axis: 1, color: '#E69F00' },
    ],
    format: memberSeries(meta, MARKETING_SLA.committed).format,
    large: large ?? false,
  };
}

export function marketingTable(meta: CubeMeta, by: MarketingBy, rows: readonly MarketingSlaRow[]): TableData {
  return {
    columns: [
      by === 'month' ? periodColumn(meta, MARKETING_SLA.month, 'month', 'key') : memberColumn(meta, MARKETING_SLA.segment, 'key'),
      memberColumn(meta, MARKETING_SLA.committed, 'committed'),
      memberColumn(meta, MARKETING_SLA.delivered, 'delivered'),
      memberColumn(meta, MARKETING_SLA.attainment, 'attainment'),
    ],
    rows: rows.map((r) => ({ ...r })),
  };
}
