// The breach list, as Marketo frames it: "SLA due" (missed the SLA in the period) and
// "SLA past due" (still untouched). 100 rows a page, sorted by the server; CSV has every row.
import { useState } from 'react';
import { PagedListPanel } from '../../../components/paged-list-panel';
import type { ResolvedFilters } from '../../../lib/filters';
import type { TableData } from '../../../lib/table';
import { useListPage } from '../../../lib/use-list-page';
import { useBreachCount } from '../api/get-breach-count';
import { BREACH_DIMENSIONS, DEFAULT_BREACH_SORT, getEveryBreach, useBreachList } from '../api/get-breach-list';
import type { BreachView } from '../api/get-breach-list';
import { SALES_SLA } from '../api/members';

const TITLES: Readonly<Record<string, { title: string; format: TableData['columns'][number]['format'] }>> = {
  [SALES_SLA.leadId]: { title: 'Lead', format: 'text' },
  [SALES_SLA.fullName]: { title: 'Name', format: 'text' },
  [SALES_SLA.company]: { title: 'Company', format: 'text' },
  [SALES_SLA.owner]: { title: 'Owner', format: 'text' },
  [SALES_SLA.team]: { title: 'Team', format: 'text' },
  [SALES_SLA.handoffDate]: { title: 'Handed off (UTC)', format: 'timestamp' },
  [SALES_SLA.hoursToFirstTouch]: { title: 'Hours to first touch', format: 'hours' },
};

// A lead shows by name (linked to its CRM record when the agreement gives crm_links) and
// company; its key stays in the query (one row per lead, the sort's tie-breaker) but off screen.
const COLUMNS: TableData['columns'] = BREACH_DIMENSIONS.filter((key) => key !== SALES_SLA.leadId && key !== SALES_SLA.crmUrl).map((key) => ({
  key,
  title: TITLES[key]?.title ?? key,
  format: TITLES[key]?.format ?? 'text',
  ...(key === SALES_SLA.fullName ? { hrefKey: SALES_SLA.crmUrl } : {}),
}));

export function BreachList({ filters, large }: { readonly filters: ResolvedFilters; readonly large?: boolean }) {
  const [view, setView] = useState<BreachView>('due');
  const paging = useListPage(DEFAULT_BREACH_SORT, [view, filters]);
  const list = useBreachList(view, filters, paging.page);
  const count = useBreachCount(view, filters);
  return (
    <PagedListPanel
      testId="breach-list"
      title={view === 'due' ? 'SLA due: leads that missed follow-up' : 'SLA past due: still untouched'}
      description={`handed-off MQLs ${view === 'due' ? 'first touched late or not at all' : 'with no first touch yet, past their agreed hours'}, by handoff date in the period.`}
      emptyMessage={view === 'due' ? 'No SLA breaches for these filters.' : 'No lead is past due for these filters.'}
      columns={COLUMNS}
      query={list}
      rows={list.data}
      busy={list.isPlaceholderData}
      total={count.data ?? null}
      paging={paging}
      everyRow={(onProgress) => getEveryBreach(view, filters, paging.page.sort, onProgress)}
      large={large ?? false}
      toolbar={
        <div className="segmented" role="radiogroup" aria-label="Breach list view">
          {(['due', 'past-due'] as const).map((v) => (
            <button key={v} type="button" role="radio" aria-checked={view === v} className={`segment${view === v ? ' segment-active' : ''}`} onClick={() => setView(v)}>
              {v === 'due' ? 'SLA due' : 'SLA past due'}
            </button>
          ))}
        </div>
      }
    />
  );
}
