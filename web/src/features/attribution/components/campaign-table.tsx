// The campaign table: spend, MQLs, SQLs, won, attributed revenue, ROI, cost per MQL (sortable, CSV).
import { useMemo } from 'react';
import { DataTable } from '../../../components/data-table';
import { QueryState } from '../../../components/query-state';
import { downloadCsv, toCsv } from '../../../lib/csv';
import type { ResolvedFilters } from '../../../lib/filters';
import { useCampaignPerformance } from '../api/get-campaign-performance';
import { modelLabel, type ModelId } from '../api/members';
import { campaignTable } from './attribution-data';

export function CampaignTable({ model, filters, large }: { readonly model: ModelId; readonly filters: ResolvedFilters; readonly large?: boolean }) {
  const campaigns = useCampaignPerformance(model, filters);
  const table = useMemo(() => (campaigns.data ? campaignTable(campaigns.data) : null), [campaigns.data]);
  const title = `Campaigns · ${modelLabel(model)}`;
  return (
    <section className="panel" data-testid="table-campaigns" aria-label={title}>
      <header className="panel-header">
        <div>
          <h2 className="panel-title">{title}</h2>
          <p className="panel-description">
            Spend, MQLs by their first touch, SQLs and won deals as the model credits them, and what each campaign returned. ROI is empty without spend; spend comes from the
            spend export.
          </p>
        </div>
        <div className="panel-actions">
          <button
            type="button"
            className="icon-button"
            disabled={!table || table.rows.length === 0}
            aria-label={`Export ${title} as CSV`}
            onClick={() => table && downloadCsv(title, toCsv(table.columns.map((c) => ({ key: c.key, title: c.title })), table.rows))}
          >
            CSV
          </button>
        </div>
      </header>
      <QueryState query={campaigns} isEmpty={!table || table.rows.length === 0} height={240} emptyMessage="No campaigns with spend, MQLs or credit for these filters.">
        {() => (table ? <DataTable data={table} caption={title} initialSort={{ key: 'revenue', direction: 'desc' }} large={large ?? false} /> : null)}
      </QueryState>
    </section>
  );
}
