// A server-paged list in a panel: one page of rows sorted by the server, a pager with the
// total, and a CSV export of every row (fetched on demand, with progress). Takes data and
// callbacks; fetches nothing itself.
import { useMemo } from 'react';
import type { ReactNode } from 'react';
import { downloadCsv, toCsv } from '../lib/csv';
import { exportFileName, useExportContext } from '../lib/export-context';
import { tableCsv } from '../lib/table';
import type { TableData, TableRow } from '../lib/table';
import type { ListPageState } from '../lib/use-list-page';
import { ChartPanel } from './chart-panel';
import { Pager } from './pager';
import type { QueryStatus } from './query-state';

export interface PagedListPanelProps {
  readonly testId: string;
  readonly title: string;
  readonly description: string;
  readonly emptyMessage: string;
  readonly columns: TableData['columns'];
  /** The page's request; `rows` its rows (the previous page's while the next one loads). */
  readonly query: QueryStatus;
  readonly rows: readonly TableRow[] | undefined;
  /** The next page is loading. */
  readonly busy: boolean;
  /** Rows in the whole list, when known. */
  readonly total: number | null;
  readonly paging: ListPageState;
  /** Every row of the list in the current order, for the CSV export. */
  readonly everyRow: (onProgress: (loaded: number) => void) => Promise<readonly TableRow[]>;
  readonly toolbar?: ReactNode;
  readonly large?: boolean;
}

export function PagedListPanel(props: PagedListPanelProps) {
  const { testId, title, description, emptyMessage, columns, query, rows, busy, total, paging, everyRow, toolbar, large } = props;
  const table = useMemo<TableData | null>(() => (rows ? { columns, rows } : null), [rows, columns]);
  const context = useExportContext();
  return (
    <ChartPanel
      testId={testId}
      title={title}
      description={total === null ? description : `${total.toLocaleString('en-US')} ${description}`}
      query={query}
      option={null}
      table={table}
      large={large ?? false}
      height={160}
      emptyMessage={emptyMessage}
      tableSort={{ sort: paging.page.sort, onSortChange: paging.setSort }}
      onExportCsv={async (report) => {
        const all = await everyRow((n) => report(`Exporting ${n.toLocaleString('en-US')}…`));
        const csv = tableCsv({ columns, rows: all });
        downloadCsv(exportFileName(title, context, 'csv'), toCsv(csv.columns, csv.rows));
      }}
      tableTotal={total}
      footer={
        large ? (
          // On a slide: the count as the key figure; the table shows the top rows that fit.
          total !== null && table && table.rows.length > 0 ? (
            <span>
              <strong className="key-figure">{total.toLocaleString('en-US')}</strong> {description}
            </span>
          ) : null
        ) : table && table.rows.length > 0 ? (
          <Pager label={title} index={paging.page.index} shown={table.rows.length} total={total} onPage={paging.setIndex} busy={busy} />
        ) : null
      }
      {...(toolbar ? { toolbar } : {})}
    />
  );
}
