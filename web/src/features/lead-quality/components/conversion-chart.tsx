// Acceptance and MQL → SQL conversion by channel or campaign.
import { useMemo } from 'react';
import { ChartPanel } from '../../../components/chart-panel';
import { categoryChartOption } from '../../../lib/chart-options';
import type { OnDrill } from '../../../lib/drill';
import { describeRange } from '../../../lib/filters';
import type { ResolvedFilters } from '../../../lib/filters';
import { CONVERSION_DIMENSIONS, CONVERSION_LIMIT, useConversion } from '../api/get-conversion';
import type { ConversionBy } from '../api/get-conversion';
import { QUALITY, mqlCohort, qualityFilters, valueFilter } from '../api/members';
import { conversionChartInput, conversionTable } from './quality-data';

const TITLES: Readonly<Record<ConversionBy, string>> = { channel: 'Channel', campaign: 'Campaign' };
/** A click on the acceptance bar lists the accepted leads; on the MQL→SQL bar, the SQLs. */
const DRILL_MEASURES = [QUALITY.salCount, QUALITY.sqlCount] as const;

export function ConversionChart({ by, filters, onDrill, large }: { readonly by: ConversionBy; readonly filters: ResolvedFilters; readonly onDrill: OnDrill; readonly large?: boolean }) {
  const conversion = useConversion(by, filters);
  const option = useMemo(() => (conversion.data ? categoryChartOption(conversionChartInput(conversion.data, large)) : null), [conversion.data, large]);
  const table = useMemo(() => (conversion.data ? conversionTable(conversion.data, TITLES[by]) : null), [conversion.data, by]);
  const n = conversion.data?.length ?? 0;
  const drill = (index: number, measure: string) => {
    const row = conversion.data?.[index];
    if (!row) return;
    onDrill({
      title: `${measure === QUALITY.sqlCount ? 'SQLs' : measure === QUALITY.salCount ? 'Accepted leads' : 'MQLs'} · ${row.key} · ${describeRange(filters.dateRange)}`,
      measure,
      filters: [...qualityFilters(filters), valueFilter(CONVERSION_DIMENSIONS[by], row.key)],
      timeDimensions: mqlCohort(filters.dateRange),
    });
  };
  return (
    <ChartPanel
      testId={`chart-conversion-${by}`}
      title={`Acceptance and conversion by ${TITLES[by].toLowerCase()}`}
      description={`Of each ${TITLES[by].toLowerCase()}'s MQLs: the share sales accepted and the share that became SQLs${n >= CONVERSION_LIMIT ? ` (top ${CONVERSION_LIMIT} by MQLs)` : ''}.`}
      query={conversion}
      option={option}
      table={table}
      large={large ?? false}
      height={large ? 560 : Math.max(240, n * 40 + 70)}
      onItemClick={(item) => drill(item.dataIndex, DRILL_MEASURES[item.seriesIndex] ?? QUALITY.mqlCount)}
      onRowClick={(_, index) => drill(index, QUALITY.mqlCount)}
    />
  );
}
