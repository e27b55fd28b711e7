// Data quality: input rows the build quarantined, by file and reason.
import { useMemo } from 'react';
import { ChartPanel } from '../../../components/chart-panel';
import { categoryChartOption } from '../../../lib/chart-options';
import { memberTitle, useWithMeta } from '../../../lib/cube-meta';
import type { OnDrill } from '../../../lib/drill';
import { useQuarantine } from '../api/get-quarantine';
import { QUARANTINE } from '../api/members';
import { baseName, quarantineChartInput, quarantineFiles, quarantineTable } from './velocity-data';

export function QuarantineChart({ onDrill, large }: { readonly onDrill: OnDrill; readonly large?: boolean }) {
  const cells = useWithMeta(useQuarantine());
  const files = useMemo(() => (cells.data ? quarantineFiles(cells.data) : []), [cells.data]);
  const { meta } = cells;
  const option = useMemo(() => (cells.data && meta ? categoryChartOption(quarantineChartInput(meta, cells.data, large)) : null), [cells.data, meta, large]);
  const table = useMemo(() => (cells.data && meta ? quarantineTable(meta, cells.data) : null), [cells.data, meta]);
  const drill = (file: string | undefined, reason?: string) => {
    if (file === undefined) return;
    onDrill({
      title: `${memberTitle(meta, QUARANTINE.rowCount, 'quarantined rows')} · ${baseName(file)}${reason ? ` · ${reason}` : ''}`,
      measure: QUARANTINE.rowCount,
      filters: [{ member: QUARANTINE.file, operator: 'equals', values: [file] }, ...(reason ? [{ member: QUARANTINE.reason, operator: 'equals' as const, values: [reason] }] : [])],
      timeDimensions: [],
    });
  };
  return (
    <ChartPanel
      testId="chart-quarantine"
      title="Quarantined input rows"
      description={`Rows of the input exports the build could not use, by file and reason (${files.length} file${files.length === 1 ? '' : 's'}). Filters do not apply: this is the whole build.`}
      query={cells}
      option={option}
      table={table}
      large={large ?? false}
      height={large ? 520 : Math.max(200, files.length * 36 + 50)}
      emptyMessage="The build quarantined no rows: every input record was usable."
      onItemClick={(item) => drill(files[item.dataIndex]?.file)}
      onRowClick={(row) => drill(String(row.file), String(row.reason))}
    />
  );
}
