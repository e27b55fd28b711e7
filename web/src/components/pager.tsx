// Previous / next for a server-paged list, with "1–100 of 63,964".
import { describePage, pageCount } from '../lib/list-query';

export interface PagerProps {
  readonly index: number;
  /** Rows on this page. */
  readonly shown: number;
  /** All rows, when known. */
  readonly total: number | null;
  readonly onPage: (index: number) => void;
  /** A page is loading: the buttons wait. */
  readonly busy?: boolean;
  readonly label: string;
}

export function Pager({ index, shown, total, onPage, busy, label }: PagerProps) {
  const last = total === null ? null : pageCount(total) - 1;
  const hasNext = last === null ? shown > 0 : index < last;
  return (
    <nav className="pager" aria-label={`${label}: pages`}>
      <span className="pager-range" aria-live="polite" data-testid="pager-range">
        {describePage(index, shown, total)}
      </span>
      <button type="button" className="button button-secondary" onClick={() => onPage(index - 1)} disabled={busy || index === 0}>
        ← Previous
      </button>
      <button type="button" className="button button-secondary" onClick={() => onPage(index + 1)} disabled={busy || !hasNext}>
        Next →
      </button>
    </nav>
  );
}
