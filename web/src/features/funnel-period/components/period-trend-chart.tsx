// Monthly trend by period: MQLs, MQL events (re-MQLs included), SQLs and won, each counted in
// the month it happened — the Funnel page's "period" counting.
import { useMemo } from 'react';
import { ChartPanel } from '../../../components/chart-panel';
import { categoryChartOption } from '../../../lib/chart-options';
import { formatPeriod } from '../../../lib/format';
import type { ResolvedFilters } from '../../../lib/filters';
import type { TableData } from '../../../lib/table';
import { usePeriodTrend, type PeriodMonth } from '../api/get-period-trend';

const SERIES = [
  { key: 'mqls', name: 'MQLs (first)' },
  { key: 'mqlEvents', name: 'MQL events' },
  { key: 'sqls', name: 'SQLs' },
  { key: 'won', name: 'Won' },
] as const;

export function periodTrendTable(months: readonly PeriodMonth[]): TableData {
  return {
    columns: [
      { key: 'month', title: 'Month', format: 'month' },
      ...SERIES.map((s) => ({ key: s.key, title: s.name, format: 'integer' as const })),
      { key: 'remqls', title: 'Re-MQLs', format: 'integer' as const },
    ],
    rows: months.map((m) => ({ ...m })),
  };
}

export function PeriodTrendChart({ filters, large }: { filters: ResolvedFilters; large?: boolean }) {
  const query = usePeriodTrend(filters);
  const option = useMemo(
    () =>
      query.data
        ? categoryChartOption({
            categories: query.data.map((m) => formatPeriod(m.month, 'month')),
            series: SERIES.map((s) => ({ name: s.name, values: query.data.map((m) => m[s.key]), kind: 'line' as const, format: 'integer' as const, ...(s.key === 'mqlEvents' ? { dashed: true } : {}) })),
            format: 'integer',
            large: large ?? false,
          })
        : null,
    [query.data, large],
  );
  const table = useMemo(() => (query.data ? periodTrendTable(query.data) : null), [query.data]);
  return (
    <ChartPanel
      testId="chart-trend-period"
      title="Monthly trend · by period"
      description="Counted by period: each stage in the month it happened (the SQLs of a month converted that month, whenever they were MQLs). MQL events count every time a lead became an MQL, re-MQLs included (dashed)."
      query={query}
      option={option}
      table={table}
      large={large ?? false}
    />
  );
}
