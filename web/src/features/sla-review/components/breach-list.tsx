// The breach list, as Marketo frames it: "SLA due" (missed the SLA in the period) and
// "SLA past due" (still untouched). 100 rows a page, sorted by the server; CSV has every row.
import { useMemo, useState } from 'react';
import { PagedListPanel } from '../../../components/paged-list-panel';
import { leadListColumns, useWithMeta } from '../../../lib/cube-meta';
import type { ResolvedFilters } from '../../../lib/filters';
import { useListPage } from '../../../lib/use-list-page';
import { useBreachCount } from '../api/get-breach-count';
import { BREACH_DIMENSIONS, DEFAULT_BREACH_SORT, getEveryBreach, useBreachList } from '../api/get-breach-list';
import type { BreachView } from '../api/get-breach-list';
import { SALES_SLA } from '../api/members';

export function BreachList({ filters, large }: { readonly filters: ResolvedFilters; readonly large?: boolean }) {
  const [view, setView] = useState<BreachView>('due');
  const paging = useListPage(DEFAULT_BREACH_SORT, [view, filters]);
  const list = useWithMeta(useBreachList(view, filters, paging.page));
  // Column titles and formats: the model's (a dimension's title, `meta.unit: hours`).
  const { meta } = list;
  const columns = useMemo(() => (meta ? leadListColumns(meta, BREACH_DIMENSIONS, SALES_SLA) : []), [meta]);
  const count = useBreachCount(view, filters);
  return (
    <PagedListPanel
      testId="breach-list"
      title={view === 'due' ? 'SLA due: leads that missed follow-up' : 'SLA past due: still untouched'}
      description={`handed-off MQLs ${view === 'due' ? 'first touched late or not at all' : 'with no first touch yet, past their agreed hours'}, by handoff date in the period.`}
      emptyMessage={view === 'due' ? 'No SLA breaches for these filters.' : 'No lead is past due for these filters.'}
      columns={columns}
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
