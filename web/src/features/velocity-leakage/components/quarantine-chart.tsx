// Data quality: input rows the build quarantined, by file and reason.
import { useMemo } from 'react';
import { ChartPanel } from '../../../components/chart-panel';
import { categoryChartOption } from '../../../lib/chart-options';
import type { OnDrill } from '../../../lib/drill';
import { useQuarantine } from '../api/get-quarantine';
import { QUARANTINE } from '../api/members';
import { quarantineChartInput, quarantineTable } from './velocity-data';

export function QuarantineChart({ onDrill, large }: { readonly onDrill: OnDrill; readonly large?: boolean }) {
  const cells = useQuarantine();
  const input = useMemo(() => (cells.data ? quarantineChartInput(cells.data, large) : null), [cells.data, large]);
  const option = useMemo(() => (input ? categoryChartOption(input) : null), [input]);
  const table = useMemo(() => (cells.data ? quarantineTable(cells.data) : null), [cells.data]);
  const files = useMemo(() => [...new Set(cells.data?.map((c) => c.file) ?? [])], [cells.data]);
  const drillFile = (file: string | undefined, reason?: string) => {
    if (file === undefined) return;
    onDrill({
      title: `Quarantined rows · ${file}${reason ? ` · ${reason}` : ''}`,
      measure: QUARANTINE.rowCount,
      filters: [{ member: QUARANTINE.file, operator: 'equals', values: [file] }, ...(reason ? [{ member: QUARANTINE.reason, operator: 'equals' as const, values: [reason] }] : [])],
      timeDimensions: [],
    });
  };
  // Chart categories are file base names in the same order as the totals; map back to full paths.
  const fileByIndex = useMemo(() => {
    if (!cells.data) return [];
    const totals = new Map<string, number>();
    for (const c of cells.data) totals.set(c.file, (totals.get(c.file) ?? 0) + c.count);
    return [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([f]) => f);
  }, [cells.data]);
  return (
    <ChartPanel
      testId="chart-quarantine"
      title="Quarantined input rows"
      description={`Rows of the input exports the build could not use, by file and reason (${files.length} file${files.length === 1 ? '' : 's'}). Filters do not apply: this is the whole build.`}
      query={cells}
      option={option}
      table={table}
      large={large ?? false}
      height={large ? 520 : Math.max(200, fileByIndex.length * 36 + 70)}
      emptyMessage="The build quarantined no rows: every input record was usable."
      onItemClick={(item) => drillFile(fileByIndex[item.dataIndex], input?.series[item.seriesIndex]?.name)}
      onRowClick={(row) => drillFile(String(row.file), String(row.reason))}
    />
  );
}
