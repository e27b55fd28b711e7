// A titled card around one chart: loading / error / empty / data, a data-table view (keyboard
// drill-down), CSV and PNG export. It takes data and an option in and fetches nothing.
import { Suspense, useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import { downloadCsv, downloadDataUrl, toCsv } from '../lib/csv';
import { exportFileName, exportHeading, useExportContext } from '../lib/export-context';
import { pngWithHeading } from '../lib/png';
import { preloadable } from '../lib/preloadable';
import { tableCsv } from '../lib/table';
import type { SortState, TableData, TableRow } from '../lib/table';
import { DataTable } from './data-table';
import type { ChartHandle, ChartItem } from './echart';
import { QueryState } from './query-state';
import type { QueryStatus } from './query-state';
import { Skeleton } from './skeleton';

const EChart = preloadable(() => import('./echart'));

/** Starts loading ECharts (a separate chunk) early, in parallel with the first queries. */
export function preloadChartRenderer(): void {
  void EChart.preload();
}

export interface ChartPanelProps {
  readonly title: string;
  readonly description?: string | null;
  readonly query: QueryStatus;
  readonly option: EChartsCoreOption | null;
  /** The chart's data: shown as a table on demand and exported as CSV. */
  readonly table: TableData | null;
  readonly emptyMessage?: string;
  readonly height?: number;
  readonly large?: boolean;
  readonly onItemClick?: (item: ChartItem) => void;
  /** Drill-down from the table view: one row of `table`. */
  readonly onRowClick?: (row: TableRow, index: number) => void;
  /** The table view's drill button (default "Show leads"; "Show deals" where the drill lists deals). */
  readonly rowActionLabel?: string;
  readonly footer?: ReactNode;
  /** Extra controls in the header (e.g. a view switch), shown in every state. */
  readonly toolbar?: ReactNode;
  readonly className?: string;
  readonly testId?: string;
  /** Rows sorted by the server (a paged list): the table asks for a new sort instead of sorting. */
  readonly tableSort?: { readonly sort: SortState; readonly onSortChange: (sort: SortState) => void };
  /**
   * Export that fetches its own rows (a paged list's every row) instead of `table`'s; it
   * reports progress through `report` and settles when the file is saved.
   */
  readonly onExportCsv?: (report: (message: string) => void) => Promise<void>;
  /** Rows in the whole list when `table` holds one page: a slide's table says how many more. */
  readonly tableTotal?: number | null;
}

export function ChartPanel(props: ChartPanelProps) {
  const { title, description, query, option, table, emptyMessage, large, onItemClick, onRowClick, footer, toolbar, className, testId, tableSort, onExportCsv } = props;
  // In meeting mode a chart fills the slide below the title bar.
  const slideHeight = typeof window === 'undefined' ? 560 : Math.max(420, window.innerHeight - 250);
  const height = large ? slideHeight : (props.height ?? 300);
  const [showTable, setShowTable] = useState(false);
  const handleRef = useRef<ChartHandle | null>(null);
  const headingId = useId();
  const isEmpty = !table || table.rows.length === 0;
  const ready = query.status === 'success' && !isEmpty;

  const [exportState, setExportState] = useState<{ readonly busy: boolean; readonly message: string } | null>(null);
  const context = useExportContext();
  const exportCsv = () => {
    if (!onExportCsv) {
      if (table) {
        const csv = tableCsv(table);
        downloadCsv(exportFileName(title, context, 'csv'), toCsv(csv.columns, csv.rows));
      }
      return;
    }
    setExportState({ busy: true, message: 'Exporting…' });
    onExportCsv((message) => setExportState({ busy: true, message })).then(
      () => setExportState(null),
      (error: unknown) => setExportState({ busy: false, message: `Export failed: ${error instanceof Error ? error.message : String(error)}` }),
    );
  };
  const exportPng = () => {
    const url = handleRef.current?.toPng();
    if (!url) return;
    pngWithHeading(url, exportHeading(title, context)).then(
      (png) => downloadDataUrl(exportFileName(title, context, 'png'), png),
      (error: unknown) => setExportState({ busy: false, message: `Export failed: ${error instanceof Error ? error.message : String(error)}` }),
    );
  };

  return (
    <section className={`panel${large ? ' panel-large' : ''}${className ? ` ${className}` : ''}`} aria-labelledby={headingId} data-testid={testId}>
      <header className="panel-header">
        <div>
          <h2 id={headingId} className="panel-title">
            {title}
          </h2>
          {description ? <p className="panel-description">{description}</p> : null}
        </div>
        {toolbar ? <div className="panel-toolbar">{toolbar}</div> : null}
        {exportState && !exportState.busy ? (
          <p className="panel-export-error" role="alert">
            {exportState.message}
          </p>
        ) : null}
        {ready ? (
          <div className="panel-actions" role="group" aria-label={`${title}: actions`}>
            {option ? (
              <button type="button" className="icon-button" aria-pressed={showTable} onClick={() => setShowTable((v) => !v)}>
                {showTable ? 'Chart' : 'Table'}
              </button>
            ) : null}
            <button type="button" className="icon-button" onClick={exportCsv} aria-label={`Export ${title} as CSV`} disabled={exportState?.busy ?? false}>
              {exportState?.busy ? exportState.message : 'CSV'}
            </button>
            {option && !showTable ? (
              <button type="button" className="icon-button" onClick={exportPng} aria-label={`Export ${title} as PNG`}>
                PNG
              </button>
            ) : null}
          </div>
        ) : null}
      </header>
      <div className="panel-body">
        <QueryState query={query} isEmpty={isEmpty} height={height} {...(emptyMessage ? { emptyMessage } : {})}>
          {() =>
            option && !showTable ? (
              <Suspense fallback={<Skeleton height={height} />}>
                <EChart
                  option={option}
                  height={height}
                  ariaLabel={`${title} chart. Use the Table button for the data.`}
                  handleRef={handleRef}
                  {...(onItemClick ? { onItemClick } : {})}
                />
              </Suspense>
            ) : table ? (
              <DataTable
                data={table}
                caption={title}
                large={large ?? false}
                {...(onRowClick ? { onRowClick } : {})}
                {...(props.rowActionLabel ? { rowActionLabel: props.rowActionLabel } : {})}
                {...(tableSort ?? {})}
                {...(large ? { fit: { total: props.tableTotal ?? null } } : {})}
              />
            ) : null
          }
        </QueryState>
      </div>
      {footer ? <footer className="panel-footer">{footer}</footer> : null}
    </section>
  );
}
