// A sortable table over rows already loaded, or (with `onSortChange`) over one page of rows the
// server sorted. Optional row action (drill-down) is a button, so it is reachable by keyboard.
import { useMemo, useState } from 'react';
import { formatCell, isNumericFormat, sortRows } from '../lib/table';
import type { SortState, TableData, TableRow } from '../lib/table';

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
}

export function DataTable(props: DataTableProps) {
  const { data, caption, maxRows = 500, initialSort, onRowClick, rowActionLabel = 'Show leads', large, onSortChange } = props;
  const [localSort, setLocalSort] = useState<SortState | null>(initialSort ?? null);
  const sort = onSortChange ? (props.sort ?? null) : localSort;
  const sorted = useMemo(() => {
    const column = sort ? data.columns.find((c) => c.key === sort.key) : undefined;
    return column && sort && !onSortChange ? sortRows(data.rows, column, sort.direction) : [...data.rows];
  }, [data, sort, onSortChange]);
  const shown = sorted.slice(0, maxRows);

  const toggle = (key: string) => {
    const next: SortState = sort?.key === key ? { key, direction: sort.direction === 'asc' ? 'desc' : 'asc' } : { key, direction: 'asc' };
    if (onSortChange) onSortChange(next);
    else setLocalSort(next);
  };

  return (
    <div className={`table-wrap${large ? ' table-large' : ''}`}>
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
                  {formatCell(row[c.key], c.format)}
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
      {sorted.length > shown.length ? (
        <p className="table-note">
          Showing {shown.length.toLocaleString('en-US')} of {sorted.length.toLocaleString('en-US')} rows; the CSV export has all of them.
        </p>
      ) : null}
    </div>
  );
}
