// The shell: brand, page navigation, global filters, meeting-mode button (key M), drill-down.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { NavLink, Outlet, useLocation, useNavigate, useOutletContext, useSearchParams } from 'react-router-dom';
import { preloadChartRenderer } from '../../components/chart-panel';
import { QueryState } from '../../components/query-state';
import { parseModel } from '../../features/attribution/api/members';
import { DrilldownDialog } from '../../features/drilldown/components/drilldown-dialog';
import { FilterBar } from '../../features/filters/components/filter-bar';
import { JourneyDialog } from '../../features/journey/components/journey-dialog';
import { ModelStatusBanner } from '../../features/model-status/components/model-status-banner';
import { useFilters } from '../../features/filters/hooks/use-filters';
import { useMeta } from '../../lib/cube-meta';
import { ExportContext, exportContext } from '../../lib/export-context';
import type { DrillRequest, OnDrill } from '../../lib/drill';
import { DEAL_PARAM, withoutJourney } from '../../lib/journey-link';
import type { ResolvedFilters } from '../../lib/filters';
import { PAGES } from '../pages';

export interface PageContext {
  readonly filters: ResolvedFilters;
  readonly onDrill: OnDrill;
}

export function usePageContext(): PageContext {
  return useOutletContext<PageContext>();
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName));
}

export function Layout() {
  const state = useFilters();
  const location = useLocation();
  const navigate = useNavigate();
  const [drill, setDrill] = useState<DrillRequest | null>(null);
  // One deal's journey, deep-linkable: ?deal=<opportunity id> on any page.
  const [searchParams] = useSearchParams();
  const deal = searchParams.get(DEAL_PARAM);
  const closeJourney = useCallback(() => {
    // Replacing the entry: Back after closing does not reopen the journey (Back while open closes it).
    void navigate({ pathname: location.pathname, search: withoutJourney(location.search) }, { replace: true });
  }, [location.pathname, location.search, navigate]);
  const onDrill = useCallback((request: DrillRequest) => setDrill(request), []);
  const page = PAGES.find((p) => p.path === location.pathname) ?? PAGES[0];
  // Exports say which page, period and filters they are of (file names, PNG headings).
  const exporting = useMemo(() => (state.resolved ? exportContext(page?.label ?? 'Closedloop', state.resolved) : null), [page, state.resolved]);

  useEffect(preloadChartRenderer, []);
  // Titles, formats and drill members: fetched alongside the as-of date, before the charts ask.
  useMeta();

  const enterMeeting = useCallback(() => {
    const params = new URLSearchParams(location.search);
    params.set('section', page?.meetingSection ?? 'results');
    params.set('back', location.pathname);
    void navigate(`/meeting?${params.toString()}`);
    void document.documentElement.requestFullscreen?.().catch(() => undefined);
  }, [location.pathname, location.search, navigate, page]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() === 'm' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTyping(e.target) && !drill && !deal) enterMeeting();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enterMeeting, drill, deal]);

  const windowQuery = {
    status: state.windowStatus,
    error: state.windowError,
    isFetching: false,
    refetch: state.retryWindow,
  };

  return (
    <ExportContext value={exporting}>
      <div className="app">
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="app-header">
          <div className="brand">
            <span className="brand-mark" aria-hidden="true" />
            <span className="brand-name">Closedloop</span>
            {state.asOf ? <span className="brand-asof">data as of {state.asOf}</span> : null}
          </div>
          <nav aria-label="Pages" className="app-nav">
            {PAGES.map((p) => (
              <NavLink key={p.path} to={{ pathname: p.path, search: location.search }} end className={({ isActive }) => `nav-link${isActive ? ' nav-link-active' : ''}`}>
                {p.label}
              </NavLink>
            ))}
          </nav>
          <button type="button" className="button button-meeting" onClick={enterMeeting} aria-keyshortcuts="M" data-testid="enter-meeting">
            Meeting mode <kbd>M</kbd>
          </button>
        </header>
        <ModelStatusBanner />
        {page?.globalFilters === false ? null : <FilterBar filters={state.filters} resolved={state.resolved} asOf={state.asOf} onChange={state.setFilters} />}
        <main id="main" className="app-main" tabIndex={-1}>
          {page?.globalFilters === false ? (
            // Explore builds its own query: it does not wait for the dashboard filters' as-of date.
            <Outlet />
          ) : state.resolved ? (
            <Outlet context={{ filters: state.resolved, onDrill } satisfies PageContext} />
          ) : (
            <QueryState query={windowQuery} isEmpty={state.windowStatus === 'success'} emptyMessage="The warehouse has no leads yet. Run the ETL on your exports." height={320}>
              {() => null}
            </QueryState>
          )}
        </main>
        {drill ? <DrilldownDialog key={JSON.stringify(drill)} request={drill} onClose={() => setDrill(null)} /> : null}
        {deal ? <JourneyDialog key={deal} opportunityId={deal} model={parseModel(searchParams.get('model'))} onClose={closeJourney} /> : null}
      </div>
    </ExportContext>
  );
}
