// A sortable table over rows already loaded, or (with `onSortChange`) over one page of rows the
// server sorted. Optional row action (drill-down) is a button, so it is reachable by keyboard.
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { formatCell, isNumericFormat, sortRows } from '../lib/table';
import type { SortState, TableColumn, TableData, TableRow } from '../lib/table';

export interface DataTableProps {
  readonly data: TableData;
  readonly caption: string;
  readonly maxRows?: number;
  readonly initialSort?: SortState;
  readonly onRowClick?: (row: TableRow, index: number) => void;
  readonly rowActionLabel?: string;
  readonly large?: boolean;
  /** Server-sorted rows: the table shows `sort` and asks for a new one instead of sorting. */
  readonly sort?: SortState;
  readonly onSortChange?: (sort: SortState) => void;
  /**
   * On a slide: show only the rows that fit the box (no inner scrollbar, no pager) and say how
   * many more there are, out of `total` (the whole list's count when the rows are one page).
   */
  readonly fit?: { readonly total: number | null };
  /** A cell that opens something about its row (e.g. a deal's journey): the link's URL, or null for plain text. */
  readonly cellLink?: (columnKey: string, row: TableRow) => string | null;
}

/**
 * Rows that fit a box ending at `boxBottom`, given the bottoms of the rows rendered (top to
 * bottom) and how many rows there are; when every rendered row fits, more are counted at the
 * tallest rendered row's height.
 */
export function rowsThatFit(boxBottom: number, rowBottoms: readonly number[], rowCount: number): number {
  const fitting = rowBottoms.filter((bottom) => bottom <= boxBottom + 0.5).length;
  if (fitting < rowBottoms.length || rowBottoms.length === 0 || rowBottoms.length >= rowCount) return fitting;
  let tallest = 0;
  rowBottoms.forEach((bottom, i) => {
    if (i > 0) tallest = Math.max(tallest, bottom - (rowBottoms[i - 1] ?? bottom));
  });
  const last = rowBottoms[rowBottoms.length - 1] ?? boxBottom;
  const more = tallest > 0 ? Math.floor((boxBottom - last + 0.5) / tallest) : 0;
  return Math.min(rowCount, fitting + Math.max(0, more));
}

export function DataTable(props: DataTableProps) {
  const { data, caption, maxRows = 500, initialSort, onRowClick, rowActionLabel = 'Show leads', large, onSortChange, cellLink } = props;
  const [localSort, setLocalSort] = useState<SortState | null>(initialSort ?? null);
  const sort = onSortChange ? (props.sort ?? null) : localSort;
  const sorted = useMemo(() => {
    const column = sort ? data.columns.find((c) => c.key === sort.key) : undefined;
    return column && sort && !onSortChange ? sortRows(data.rows, column, sort.direction) : [...data.rows];
  }, [data, sort, onSortChange]);
  const wrapRef = useRef<HTMLDivElement>(null);
  const sortedCount = useRef(sorted.length);
  sortedCount.current = sorted.length;
  const [fitted, setFitted] = useState<number | null>(null);
  const fitting = props.fit !== undefined;
  useLayoutEffect(() => {
    const wrap = wrapRef.current;
    if (!fitting || !wrap) return;
    const measure = () => {
      const box = wrap.getBoundingClientRect();
      const rows = Array.from(wrap.querySelectorAll('tbody tr'), (tr) => tr.getBoundingClientRect().bottom);
      setFitted(rows.length ? rowsThatFit(box.top + wrap.clientTop + wrap.clientHeight, rows, sortedCount.current) : null);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(wrap);
    return () => observer.disconnect();
  }, [fitting, sorted.length]);
  const shown = sorted.slice(0, fitting && fitted !== null ? Math.min(fitted, maxRows) : maxRows);
  const fitTotal = props.fit ? (props.fit.total ?? sorted.length) : 0;

  const toggle = (key: string) => {
    const next: SortState = sort?.key === key ? { key, direction: sort.direction === 'asc' ? 'desc' : 'asc' } : { key, direction: 'asc' };
    if (onSortChange) onSortChange(next);
    else setLocalSort(next);
  };

  return (
    <>
      <div ref={wrapRef} className={`table-wrap${large ? ' table-large' : ''}${fitting ? ' table-fit' : ''}`}>
        <table className="data-table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {data.columns.map((c) => {
                const ariaSort = sort?.key === c.key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none';
                return (
                  <th key={c.key} scope="col" aria-sort={ariaSort} className={isNumericFormat(c.format) ? 'num' : undefined}>
                    <button type="button" className="sort-button" onClick={() => toggle(c.key)}>
                      {c.title}
                      <span className="sort-indicator" aria-hidden="true">
                        {ariaSort === 'ascending' ? '▲' : ariaSort === 'descending' ? '▼' : '↕'}
                      </span>
                    </button>
                  </th>
                );
              })}
              {onRowClick ? <th scope="col"><span className="visually-hidden">Actions</span></th> : null}
            </tr>
          </thead>
          <tbody>
            {shown.map((row, i) => (
              <tr key={i}>
                {data.columns.map((c) => (
                  <td key={c.key} className={isNumericFormat(c.format) ? 'num' : undefined}>
                    <Cell row={row} column={c} to={cellLink ? cellLink(c.key, row) : null} />
                  </td>
                ))}
                {onRowClick ? (
                  <td className="row-action">
                    <button type="button" className="link-button" onClick={() => onRowClick(row, data.rows.indexOf(row))}>
                      {rowActionLabel}
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
        {!fitting && sorted.length > shown.length ? (
          <p className="table-note">
            Showing {shown.length.toLocaleString('en-US')} of {sorted.length.toLocaleString('en-US')} rows; the CSV export has all of them.
          </p>
        ) : null}
      </div>
      {fitting && fitTotal > shown.length ? (
        <p className="table-more" data-testid="table-more">
          Top {shown.length.toLocaleString('en-US')} of {fitTotal.toLocaleString('en-US')} · <strong>{(fitTotal - shown.length).toLocaleString('en-US')} more</strong>
        </p>
      ) : null}
    </>
  );
}

/** A cell's text; a link to the row's URL (new tab) when the column names one and the row has it. */
/** A cell's text; a link to a page of the app (`to`, e.g. a deal's journey) or to the CRM record (the column's `hrefKey`). */
function Cell({ row, column, to }: { readonly row: TableRow; readonly column: TableColumn; readonly to: string | null }) {
  const text = formatCell(row[column.key], column.format);
  if (to) {
    return (
      <Link to={to} className="cell-link">
        {text}
      </Link>
    );
  }
  const href = column.hrefKey ? row[column.hrefKey] : null;
  if (typeof href !== 'string' || href === '') return <>{text}</>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" className="crm-link" title="Open the record in the CRM (new tab)" aria-label={`${text} (opens the CRM record in a new tab)`}>
      {text}
    </a>
  );
}
