// A modal with the leads behind a clicked number: sortable, exportable as CSV. Esc closes it.
import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router-dom';
import { DataTable } from '../../../components/data-table';
import { QueryState } from '../../../components/query-state';
import { downloadCsv, toCsv } from '../../../lib/csv';
import { exportFileName, useExportContext } from '../../../lib/export-context';
import { tableCsv } from '../../../lib/table';
import type { DrillRequest } from '../../../lib/drill';
import { isOpportunityColumn, journeySearch } from '../../../lib/journey-link';
import { DRILL_ROW_LIMIT, useDrilldown } from '../api/get-drilldown';

export interface DrilldownDialogProps {
  readonly request: DrillRequest;
  readonly onClose: () => void;
}

export function DrilldownDialog({ request, onClose }: DrilldownDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const drill = useDrilldown(request);
  const context = useExportContext();
  const location = useLocation();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  const data = drill.data;
  return (
    <dialog
      ref={ref}
      className="drill-dialog"
      aria-labelledby="drill-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        if (e.target === ref.current) onClose();
      }}
      data-testid="drilldown"
    >
      <div className="drill-inner">
        <header className="drill-header">
          <div>
            <p className="eyebrow">Drill-down</p>
            <h2 id="drill-title">{request.title}</h2>
            {data ? (
              <p className="muted" data-testid="drill-count">
                {data.rows.length.toLocaleString('en-US')} {data.rows.length === 1 ? 'row' : 'rows'}
                {data.truncated ? ` (first ${DRILL_ROW_LIMIT.toLocaleString('en-US')})` : ''}
              </p>
            ) : null}
          </div>
          <div className="drill-actions">
            <button
              type="button"
              className="button"
              disabled={!data || data.rows.length === 0}
              onClick={() => {
                if (!data) return;
                const csv = tableCsv(data);
                downloadCsv(exportFileName(request.title, context, 'csv'), toCsv(csv.columns, csv.rows));
              }}
            >
              Export CSV
            </button>
            <button type="button" className="button button-secondary" onClick={onClose} aria-label="Close drill-down">
              Close
            </button>
          </div>
        </header>
        <QueryState query={drill} isEmpty={!data || data.rows.length === 0} emptyMessage="No leads behind this number for these filters." height={240}>
          {() =>
            data ? (
              <DataTable
                data={data}
                caption={request.title}
                // A deal's id opens its journey over this list (Esc closes it and comes back here).
                cellLink={(key, row) => {
                  const id = row[key];
                  return isOpportunityColumn(key) && typeof id === 'string' && id !== '' ? `${location.pathname}${journeySearch(location.search, id)}` : null;
                }}
              />
            ) : null
          }
        </QueryState>
      </div>
    </dialog>
  );
}
