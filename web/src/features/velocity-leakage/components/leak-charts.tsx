// Leakage: MQLs lost between tools, by kind, with the leakage rate and the list behind them.
import { useCallback, useMemo, useState } from 'react';
import { ChartPanel } from '../../../components/chart-panel';
import { PagedListPanel } from '../../../components/paged-list-panel';
import type { CubeRow } from '../../../lib/cube-client';
import { leadListColumns, memberFormat, memberTitle, useKnownValues, useValueLabel, useWithMeta } from '../../../lib/cube-meta';
import { categoryChartOption } from '../../../lib/chart-options';
import type { OnDrill } from '../../../lib/drill';
import { describeRange } from '../../../lib/filters';
import type { ResolvedFilters } from '../../../lib/filters';
import { formatValue } from '../../../lib/format';
import { useListPage } from '../../../lib/use-list-page';
import { DEFAULT_LEAK_SORT, LEAK_LIST_DIMENSIONS, getEveryLeak, useLeakList } from '../api/get-leak-list';
import { useLeakRate } from '../api/get-leak-rate';
import { useLeaks } from '../api/get-leaks';
import { LEAKS, LEAK_RATE, cubeFilters, leakScope } from '../api/members';
import { leaksChartInput, leaksTable } from './velocity-data';

interface Props {
  readonly filters: ResolvedFilters;
  readonly onDrill: OnDrill;
  readonly large?: boolean;
}

export function LeaksChart({ filters, onDrill, large }: Props) {
  const leaks = useWithMeta(useLeaks(filters));
  const rate = useLeakRate(filters);
  const leakLabel = useValueLabel(LEAKS.kind);
  const { meta } = leaks;
  const kinds = leaks.data?.kinds;
  const option = useMemo(() => (kinds && meta ? categoryChartOption(leaksChartInput(meta, kinds, leakLabel, large)) : null), [kinds, meta, leakLabel, large]);
  const table = useMemo(() => (kinds && meta ? leaksTable(meta, kinds, leakLabel) : null), [kinds, meta, leakLabel]);
  const unsupported = leaks.data?.unsupported ?? [];
  const drill = (index: number) => {
    const k = kinds?.[index];
    if (!k) return;
    onDrill({
      title: `${leakLabel(k.kind)} · MQLs of ${describeRange(filters.dateRange)}`,
      measure: LEAKS.rowCount,
      filters: [...cubeFilters(filters, 'leakage').filters, { member: LEAKS.kind, operator: 'equals', values: [k.kind] }],
      timeDimensions: leakScope(filters),
    });
  };
  const r = rate.data;
  return (
    <ChartPanel
      testId="chart-leaks"
      title="Leakage between tools"
      description="MQLs that never reached the CRM, were never handed off to sales, or never got a first touch (an MQL can leak in more than one way)."
      query={leaks}
      option={option}
      table={table}
      large={large ?? false}
      height={large ? 480 : 200}
      emptyMessage="No leaks: every MQL in this period reached the CRM, was handed off and touched."
      onItemClick={(item) => drill(item.dataIndex)}
      onRowClick={(_, index) => drill(index)}
      footer={
        <>
          {r ? (
            <span data-testid="leak-rate">
              {memberTitle(meta, LEAK_RATE.leakRate, 'Leakage rate')} <strong className="key-figure">{formatValue(r.rate, memberFormat(meta, LEAK_RATE.leakRate, 'percent'))}</strong>: {formatValue(r.leaked, 'integer')} of {formatValue(r.mqls, 'integer')} MQLs leaked.
            </span>
          ) : null}
          {unsupported.length ? <span> The {unsupported.join(', ')} filter does not apply to leaks.</span> : null}
        </>
      }
    />
  );
}

export function LeakList({ filters, large }: Omit<Props, 'onDrill'>) {
  const [kind, setKind] = useState<string | null>(null);
  const paging = useListPage(DEFAULT_LEAK_SORT, [kind, filters]);
  const list = useWithMeta(useLeakList(kind, filters, paging.page));
  // Column titles and formats: the model's.
  const { meta } = list;
  const columns = useMemo(() => (meta ? leadListColumns(meta, LEAK_LIST_DIMENSIONS, LEAKS) : []), [meta]);
  // The leaks-by-kind chart's query (same filters) already counts the list's rows.
  const leaks = useLeaks(filters);
  // Leak kinds, their order and labels: the model's `meta.values` on leakage.kind.
  const leakLabel = useValueLabel(LEAKS.kind);
  const kinds = useKnownValues(LEAKS.kind);
  const labelKind = useCallback((row: CubeRow): CubeRow => ({ ...row, [LEAKS.kind]: leakLabel(String(row[LEAKS.kind] ?? '')) }), [leakLabel]);
  const rows = useMemo(() => list.data?.map(labelKind), [list.data, labelKind]);
  const total = leaks.data ? leaks.data.kinds.filter((k) => kind === null || k.kind === kind).reduce((sum, k) => sum + k.count, 0) : null;
  return (
    <PagedListPanel
      testId="leak-list"
      title="Leaked MQLs"
      description="leaks for MQLs of the period."
      emptyMessage="No leaked MQLs for these filters."
      columns={columns}
      query={list}
      rows={rows}
      busy={list.isPlaceholderData}
      total={total}
      paging={paging}
      everyRow={async (onProgress) => (await getEveryLeak(kind, filters, paging.page.sort, onProgress)).map(labelKind)}
      large={large ?? false}
      toolbar={
        <div className="segmented" role="radiogroup" aria-label="Leak kind">
          {[null, ...kinds.map((v) => v.value)].map((k) => (
            <button key={k ?? 'all'} type="button" role="radio" aria-checked={kind === k} className={`segment${kind === k ? ' segment-active' : ''}`} onClick={() => setKind(k)}>
              {k ? leakLabel(k) : 'All'}
            </button>
          ))}
        </div>
      }
    />
  );
}
