// Rejected leads by reason, and by channel split by reason (one query feeds both).
import { useMemo } from 'react';
import { ChartPanel } from '../../../components/chart-panel';
import { categoryChartOption } from '../../../lib/chart-options';
import type { OnDrill } from '../../../lib/drill';
import { memberTitle, useWithMeta } from '../../../lib/cube-meta';
import { describeRange } from '../../../lib/filters';
import type { ResolvedFilters } from '../../../lib/filters';
import { useRejections } from '../api/get-rejections';
import { useUnmappedReasons } from '../api/get-unmapped-reasons';
import type { UnmappedReason } from '../api/get-unmapped-reasons';
import { QUALITY, UNMAPPED_LABEL, mqlCohort, qualityFilters, valueFilter } from '../api/members';
import { byChannelChartInput, byChannelTable, describeUnmappedReasons, reasonChartInput, reasonTable, totalsBy } from './quality-data';

interface Props {
  readonly filters: ResolvedFilters;
  readonly onDrill: OnDrill;
  readonly large?: boolean;
}

export function RejectionReasonsChart({ filters, onDrill, large }: Props) {
  const cells = useWithMeta(useRejections(filters));
  const { meta } = cells;
  const totals = useMemo(() => (cells.data ? totalsBy(cells.data, 'reason') : null), [cells.data]);
  const option = useMemo(() => (totals && meta ? categoryChartOption(reasonChartInput(meta, totals, large)) : null), [totals, meta, large]);
  const table = useMemo(() => (totals && meta ? reasonTable(meta, totals) : null), [totals, meta]);
  const unmapped = useUnmappedReasons(filters, totals?.some((t) => t.key === UNMAPPED_LABEL) ?? false);
  const drill = (index: number) => {
    const t = totals?.[index];
    if (!t) return;
    onDrill({
      title: `${memberTitle(meta, QUALITY.rejectedCount, 'rejected')}: ${t.key} · ${describeRange(filters.dateRange)}`,
      measure: QUALITY.rejectedCount,
      filters: [...qualityFilters(filters), valueFilter(QUALITY.rejectionReason, t.key)],
      timeDimensions: mqlCohort(filters.dateRange),
    });
  };
  return (
    <ChartPanel
      testId="chart-rejection-reasons"
      title="Rejected leads by reason"
      description="Why sales disqualified MQLs of this period's cohort. Click a bar for the leads to discuss."
      query={cells}
      option={option}
      table={table}
      large={large ?? false}
      height={large ? 560 : Math.max(220, (totals?.length ?? 0) * 34 + 40)}
      emptyMessage="Sales rejected no leads of this cohort for these filters."
      onItemClick={(item) => drill(item.dataIndex)}
      onRowClick={(_, index) => drill(index)}
      footer={unmapped.data?.length ? <UnmappedNote reasons={unmapped.data} /> : null}
    />
  );
}

/** The mark on "Other (unmapped)": which raw codes it holds and where to map them. */
function UnmappedNote({ reasons }: { readonly reasons: readonly UnmappedReason[] }) {
  const { text, more } = describeUnmappedReasons(reasons);
  return (
    <p className="chart-note chart-note-warning" data-testid="unmapped-reasons" role="note">
      <span aria-hidden="true">⚠ </span>
      <strong>{UNMAPPED_LABEL}</strong> holds reasons the agreement does not map: {text}
      {more}. Map them under <code>rejection_reasons</code> in agreement.yml.
    </p>
  );
}

export function RejectionsByChannelChart({ filters, onDrill, large }: Props) {
  const cells = useWithMeta(useRejections(filters));
  const { meta } = cells;
  const input = useMemo(() => (cells.data && meta ? byChannelChartInput(meta, cells.data, large) : null), [cells.data, meta, large]);
  const option = useMemo(() => (input ? categoryChartOption(input) : null), [input]);
  const table = useMemo(() => (cells.data && meta ? byChannelTable(meta, cells.data) : null), [cells.data, meta]);
  const drill = (index: number, seriesIndex: number | null) => {
    const channel = input?.categories[index];
    if (channel === undefined) return;
    const reason = seriesIndex === null ? null : input?.series[seriesIndex]?.name;
    onDrill({
      title: `${memberTitle(meta, QUALITY.rejectedCount, 'rejected')} · ${channel}${reason ? ` · ${reason}` : ''} · ${describeRange(filters.dateRange)}`,
      measure: QUALITY.rejectedCount,
      filters: [...qualityFilters(filters), valueFilter(QUALITY.channel, channel), ...(reason ? [valueFilter(QUALITY.rejectionReason, reason)] : [])],
      timeDimensions: mqlCohort(filters.dateRange),
    });
  };
  return (
    <ChartPanel
      testId="chart-rejections-by-channel"
      title="Rejected leads by channel"
      description="Which channels send leads sales turns down, split by reason."
      query={cells}
      option={option}
      table={table}
      large={large ?? false}
      height={large ? 560 : Math.max(220, (input?.categories.length ?? 0) * 34 + 70)}
      emptyMessage="Sales rejected no leads of this cohort for these filters."
      onItemClick={(item) => drill(item.dataIndex, item.seriesIndex)}
      onRowClick={(_, index) => drill(index, null)}
    />
  );
}
