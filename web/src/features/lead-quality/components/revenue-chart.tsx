// Closed-loop revenue: won amount by the lead's original source, or by campaign.
import { useMemo, useState } from 'react';
import { ChartPanel } from '../../../components/chart-panel';
import { categoryChartOption } from '../../../lib/chart-options';
import { memberTitle, useMeta } from '../../../lib/cube-meta';
import type { OnDrill } from '../../../lib/drill';
import { describeRange } from '../../../lib/filters';
import type { ResolvedFilters } from '../../../lib/filters';
import { REVENUE_LIMIT, useClosedLoopRevenue } from '../api/get-closed-loop-revenue';
import { QUALITY, mqlCohort, qualityFilters, valueFilter } from '../api/members';
import { revenueChartInput, revenueTable } from './quality-data';

/** Channel (the agreement's vocabulary), original source (as the systems wrote it) or campaign. */
export type RevenueBy = 'channel' | 'source' | 'campaign';

const MEMBER: Readonly<Record<RevenueBy, string>> = { channel: QUALITY.channel, source: QUALITY.originalSource, campaign: QUALITY.campaign };

/**
 * Labelled by what it groups by, with the model's title and description of that dimension:
 * "Direct" the channel (every source the agreement maps to it) and "Direct" the original source
 * are different numbers, so the chart never leaves the reader to guess which one it shows.
 */
export function RevenueChart({ by: initial, filters, onDrill, large }: { readonly by: RevenueBy; readonly filters: ResolvedFilters; readonly onDrill: OnDrill; readonly large?: boolean }) {
  const meta = useMeta();
  const [chosen, setBy] = useState<RevenueBy>(initial);
  const hasSource = meta.data?.members.has(QUALITY.originalSource) ?? false;
  const by: RevenueBy = chosen === 'source' && meta.data && !hasSource ? 'channel' : chosen;
  const dimension = MEMBER[by];
  const member = meta.data?.members.get(dimension);
  const label = memberTitle(meta.data, dimension, by);
  const revenue = useClosedLoopRevenue(dimension, filters, meta.status !== 'pending');
  const option = useMemo(() => (revenue.data && meta.data ? categoryChartOption(revenueChartInput(meta.data, revenue.data, large)) : null), [revenue.data, meta.data, large]);
  const table = useMemo(() => (revenue.data && meta.data ? revenueTable(meta.data, revenue.data, dimension) : null), [revenue.data, meta.data, dimension]);
  const n = revenue.data?.length ?? 0;
  const drill = (index: number) => {
    const row = revenue.data?.[index];
    if (!row) return;
    onDrill({
      title: `${memberTitle(meta.data, QUALITY.wonAmount, 'won')} · ${row.key} · ${describeRange(filters.dateRange)}`,
      measure: QUALITY.wonAmount,
      filters: [...qualityFilters(filters), valueFilter(dimension, row.key)],
      timeDimensions: mqlCohort(filters.dateRange),
    });
  };
  return (
    <ChartPanel
      testId={`chart-revenue-${initial === 'campaign' ? 'campaign' : 'source'}`}
      title={`Closed-loop revenue by ${label.toLowerCase()}`}
      description={`Won amount of this period's MQL cohort${n >= REVENUE_LIMIT ? ` (top ${REVENUE_LIMIT})` : ''}. ${label}: ${member?.description ?? ''}`}
      toolbar={
        initial === 'campaign' || !hasSource ? undefined : (
          <div className="segmented" role="radiogroup" aria-label="Group revenue by">
            {(['channel', 'source'] as const).map((b) => (
              <button key={b} type="button" role="radio" aria-checked={by === b} className={`segment${by === b ? ' segment-active' : ''}`} onClick={() => setBy(b)}>
                {memberTitle(meta.data, MEMBER[b], b)}
              </button>
            ))}
          </div>
        )
      }
      query={meta.status === 'error' ? meta : revenue}
      option={option}
      table={table}
      large={large ?? false}
      height={large ? 560 : Math.max(220, n * 34 + 40)}
      emptyMessage="No won deals from this cohort for these filters yet."
      onItemClick={(item) => drill(item.dataIndex)}
      onRowClick={(_, index) => drill(index)}
    />
  );
}
