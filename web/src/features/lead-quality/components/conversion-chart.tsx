// Acceptance and MQL → SQL conversion by channel or campaign.
import { useMemo } from 'react';
import { ChartPanel } from '../../../components/chart-panel';
import { categoryChartOption } from '../../../lib/chart-options';
import type { OnDrill } from '../../../lib/drill';
import { memberTitle, useWithMeta } from '../../../lib/cube-meta';
import { describeRange } from '../../../lib/filters';
import type { ResolvedFilters } from '../../../lib/filters';
import { CONVERSION_DIMENSIONS, CONVERSION_LIMIT, useConversion } from '../api/get-conversion';
import type { ConversionBy } from '../api/get-conversion';
import { QUALITY, mqlCohort, qualityFilters, valueFilter } from '../api/members';
import { conversionChartInput, conversionTable } from './quality-data';

/** A click on the acceptance bar lists the accepted leads; on the MQL→SQL bar, the SQLs. */
const DRILL_MEASURES = [QUALITY.salCount, QUALITY.sqlCount] as const;

export function ConversionChart({ by, filters, onDrill, large }: { readonly by: ConversionBy; readonly filters: ResolvedFilters; readonly onDrill: OnDrill; readonly large?: boolean }) {
  const conversion = useWithMeta(useConversion(by, filters));
  const { data, meta } = conversion;
  const option = useMemo(() => (data && meta ? categoryChartOption(conversionChartInput(meta, data, large)) : null), [data, meta, large]);
  const table = useMemo(() => (data && meta ? conversionTable(meta, data, CONVERSION_DIMENSIONS[by]) : null), [data, meta, by]);
  const byTitle = memberTitle(meta, CONVERSION_DIMENSIONS[by], by).toLowerCase();
  const n = conversion.data?.length ?? 0;
  const drill = (index: number, measure: string) => {
    const row = conversion.data?.[index];
    if (!row) return;
    onDrill({
      title: `${memberTitle(meta, measure, measure)} · ${row.key} · ${describeRange(filters.dateRange)}`,
      measure,
      filters: [...qualityFilters(filters), valueFilter(CONVERSION_DIMENSIONS[by], row.key)],
      timeDimensions: mqlCohort(filters.dateRange),
    });
  };
  return (
    <ChartPanel
      testId={`chart-conversion-${by}`}
      title={`Acceptance and conversion by ${byTitle}`}
      description={`Of each ${byTitle}'s MQLs: the share sales accepted and the share that became SQLs${n >= CONVERSION_LIMIT ? ` (top ${CONVERSION_LIMIT} by MQLs)` : ''}.`}
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
