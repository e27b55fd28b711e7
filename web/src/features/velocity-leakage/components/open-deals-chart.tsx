// Open deals and their age: win rates look better when dead deals stay open.
import { useMemo } from 'react';
import { ChartPanel } from '../../../components/chart-panel';
import { categoryChartOption } from '../../../lib/chart-options';
import { memberTitle, useWithMeta } from '../../../lib/cube-meta';
import type { OnDrill } from '../../../lib/drill';
import type { ResolvedFilters } from '../../../lib/filters';
import { useOpenDeals } from '../api/get-open-deals';
import { OPEN_DEALS, cubeFilters } from '../api/members';
import { openDealsChartInput, openDealsTable } from './velocity-data';

export function OpenDealsChart({ filters, onDrill, large }: { readonly filters: ResolvedFilters; readonly onDrill: OnDrill; readonly large?: boolean }) {
  const deals = useWithMeta(useOpenDeals(filters));
  const { meta } = deals;
  const option = useMemo(() => (deals.data && meta ? categoryChartOption(openDealsChartInput(meta, deals.data, large)) : null), [deals.data, meta, large]);
  const table = useMemo(() => (deals.data && meta ? openDealsTable(meta, deals.data) : null), [deals.data, meta]);
  const drill = (index: number) => {
    const row = deals.data?.[index];
    if (!row) return;
    onDrill({
      title: `${memberTitle(meta, OPEN_DEALS.openCount, 'open deals')} · ${row.channel}`,
      measure: OPEN_DEALS.openCount,
      filters: [...cubeFilters(filters, 'pipeline').filters, { member: OPEN_DEALS.channel, operator: 'equals', values: [row.channel] }],
      timeDimensions: [],
    });
  };
  return (
    <ChartPanel
      testId="chart-open-deals"
      title="Open deals by age"
      description="Deals still open at the data's as-of date, by channel: average and oldest age in days. Old open deals flatter the close rate."
      query={deals}
      option={option}
      table={table}
      large={large ?? false}
      height={large ? 520 : Math.max(220, (deals.data?.length ?? 0) * 40 + 70)}
      emptyMessage="No open deals for these filters."
      onItemClick={(item) => drill(item.dataIndex)}
      onRowClick={(_, index) => drill(index)}
    />
  );
}
