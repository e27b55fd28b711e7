// Explore (Lightdash / Metabase style): pick a view, measures, dimensions, a time dimension and
// granularity, filters; see a chart chosen from the query's shape and the table, with CSV.
// Query state: @cubejs-client/react's QueryBuilder over Cube's /meta (so a measure added to the
// model appears here with no code change). Fetching: TanStack Query. The query lives in the URL.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { QueryBuilder } from '@cubejs-client/react';
import type { QueryBuilderRenderProps } from '@cubejs-client/react';
import type { BinaryOperator, Query, TCubeDimension, TCubeMeasure, TimeDimensionGranularity, UnaryOperator } from '@cubejs-client/core';
import { ChartPanel } from '../../../components/chart-panel';
import { StatTile } from '../../../components/stat-tile';
import { categoryChartOption } from '../../../lib/chart-options';
import { cubeApi } from '../../../lib/cube-client';
import { useMeta } from '../../../lib/cube-meta';
import type { CubeMeta } from '../../../lib/cube-meta';
import { formatValue, toNumber } from '../../../lib/format';
import { isRunnable, useExploreResult } from '../api/get-explore-result';
import { GRANULARITIES, chartKind, compactQuery, exploreChartInput, exploreSearch, exploreTable, exploreTitle, parseExploreSearch } from './explore-data';
import type { ExploreState } from './explore-data';

const UNARY: readonly string[] = ['set', 'notSet'];

function readState(search: string): { state: ExploreState; linkError: string | null } {
  try {
    return { state: parseExploreSearch(search), linkError: null };
  } catch (error) {
    return { state: { view: null, query: {} }, linkError: error instanceof Error ? error.message : String(error) };
  }
}

export function ExplorePage() {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const { state, linkError } = useMemo(() => readState(search), [search]);
  // QueryBuilder keeps its own state from `initialVizState`; it is remounted when the URL changes
  // from outside (Back, a pasted link), not when it wrote the URL itself.
  const written = useRef(search);
  const [mountKey, setMountKey] = useState(0);
  useEffect(() => {
    if (search !== written.current) {
      written.current = search;
      setMountKey((k) => k + 1);
    }
  }, [search]);

  const write = (next: ExploreState, fromBuilder: boolean) => {
    // The builder reports its state on mount too: an unchanged query keeps the link (and its notice) as it is.
    if (fromBuilder && JSON.stringify(compactQuery(next.query)) === JSON.stringify(compactQuery(state.query))) return;
    const nextSearch = exploreSearch(next).toString();
    if (nextSearch === search) return;
    if (fromBuilder) written.current = nextSearch;
    setParams(exploreSearch(next));
  };

  return (
    <div className="page explore" data-testid="page-explore">
      <h1 className="page-title">Explore</h1>
      <p className="page-intro">Build a query over the model's views: every measure and dimension, its title, description and format come from the model. The link reproduces the query.</p>
      {linkError ? (
        <p className="explore-notice" role="alert">
          {linkError}
        </p>
      ) : null}
      <QueryBuilder
        key={mountKey}
        cubeApi={cubeApi}
        initialVizState={{ query: state.query }}
        wrapWithQueryRenderer={false}
        disableHeuristics
        onVizStateChanged={(viz) => write({ view: state.view, query: compactQuery(viz.query ?? {}) }, true)}
        render={(builder) => <ExploreBuilder builder={builder} view={state.view} query={state.query} onViewChange={(view) => write({ view, query: {} }, false)} />}
      />
    </div>
  );
}

interface BuilderProps {
  readonly builder: QueryBuilderRenderProps;
  readonly view: string | null;
  readonly query: Query;
  readonly onViewChange: (view: string) => void;
}

function ofView<T extends { name: string }>(members: readonly T[], view: string | null): T[] {
  return view ? members.filter((m) => m.name.startsWith(`${view}.`)) : [];
}

function ExploreBuilder({ builder, view, query, onViewChange }: BuilderProps) {
  const meta = useMeta();
  if (builder.metaError) {
    return (
      <p className="explore-notice" role="alert">
        The model could not be read: {builder.metaError.message}
      </p>
    );
  }
  if (builder.isFetchingMeta || !builder.meta) return <p className="explore-notice">Loading the model…</p>;
  const views = builder.meta.meta.cubes.filter((c) => c.public !== false);
  const viewMeta = views.find((v) => v.name === view);
  const measures = ofView(builder.availableMeasures, view);
  const dimensions = ofView(builder.availableDimensions, view).filter((d) => d.type !== 'time');
  const timeDimensions = ofView(builder.availableTimeDimensions, view);
  const selected = new Set([...builder.measures.map((m) => m.name), ...builder.dimensions.map((d) => d.name)]);
  const time = builder.timeDimensions[0];

  const toggleMeasure = (m: TCubeMeasure) => {
    const current = builder.measures.find((x) => x.name === m.name);
    if (current) builder.updateMeasures.remove(current);
    else builder.updateMeasures.add(m);
  };
  const toggleDimension = (d: TCubeDimension) => {
    const current = builder.dimensions.find((x) => x.name === d.name);
    if (current) builder.updateDimensions.remove(current);
    else builder.updateDimensions.add(d);
  };
  const setTime = (name: string, granularity: string, from: string, to: string) => {
    const dimension = timeDimensions.find((d) => d.name === name);
    if (!dimension) {
      if (time) builder.updateTimeDimensions.remove(time);
      return;
    }
    const next = {
      dimension,
      ...(granularity ? { granularity: granularity as TimeDimensionGranularity } : {}),
      ...(from && to ? { dateRange: [from, to] as [string, string] } : {}),
    };
    if (time) builder.updateTimeDimensions.update(time, next);
    else builder.updateTimeDimensions.add(next);
  };
  const dateRange = Array.isArray(time?.dateRange) ? time.dateRange : [];

  return (
    <div className="explore-layout">
      <form className="explore-controls" aria-label="Query" onSubmit={(e) => e.preventDefault()}>
        <label className="explore-field">
          <span className="explore-label">View</span>
          <select value={view ?? ''} onChange={(e) => onViewChange(e.target.value)} data-testid="explore-view">
            <option value="" disabled>
              Pick a view…
            </option>
            {views.map((v) => (
              <option key={v.name} value={v.name}>
                {v.title}
              </option>
            ))}
          </select>
        </label>
        {viewMeta?.description ? <p className="explore-hint">{viewMeta.description}</p> : null}
        {view ? (
          <>
            <MemberList legend="Measures" testId="explore-measures" members={measures} selected={selected} onToggle={toggleMeasure} />
            <MemberList legend="Dimensions" testId="explore-dimensions" members={dimensions} selected={selected} onToggle={toggleDimension} />
            <fieldset className="explore-group">
              <legend>Time</legend>
              <label className="explore-field">
                <span className="explore-label">Time dimension</span>
                <select value={time?.dimension.name ?? ''} onChange={(e) => setTime(e.target.value, time?.granularity ?? 'month', dateRange[0] ?? '', dateRange[1] ?? '')} data-testid="explore-time">
                  <option value="">None</option>
                  {timeDimensions.map((d) => (
                    <option key={d.name} value={d.name}>
                      {d.shortTitle}
                    </option>
                  ))}
                </select>
              </label>
              {time ? (
                <>
                  <label className="explore-field">
                    <span className="explore-label">Granularity</span>
                    <select value={time.granularity ?? ''} onChange={(e) => setTime(time.dimension.name, e.target.value, dateRange[0] ?? '', dateRange[1] ?? '')} data-testid="explore-granularity">
                      <option value="">None (range only)</option>
                      {GRANULARITIES.map((g) => (
                        <option key={g} value={g}>
                          {g}
                        </option>
                      ))}
                    </select>
                  </label>
                  <DateRangeInputs from={dateRange[0] ?? ''} to={dateRange[1] ?? ''} onChange={(from, to) => setTime(time.dimension.name, time.granularity ?? '', from, to)} />
                </>
              ) : null}
            </fieldset>
            <FilterEditor builder={builder} members={[...dimensions, ...measures]} />
          </>
        ) : null}
      </form>
      <div className="explore-results">
        {view ? <ExploreResults query={compactQuery(query)} meta={meta.data} /> : <p className="explore-notice">Pick a view to see its measures and dimensions.</p>}
      </div>
    </div>
  );
}

function MemberList<T extends TCubeMeasure | TCubeDimension>(props: { legend: string; testId: string; members: readonly T[]; selected: ReadonlySet<string>; onToggle: (m: T) => void }) {
  const { legend, testId, members, selected, onToggle } = props;
  return (
    <fieldset className="explore-group" data-testid={testId}>
      <legend>{legend}</legend>
      {members.length === 0 ? <p className="explore-hint">None in this view.</p> : null}
      {members.map((m) => (
        <label key={m.name} className="explore-member" title={m.description ?? undefined}>
          <input type="checkbox" checked={selected.has(m.name)} onChange={() => onToggle(m)} value={m.name} />
          <span>{m.shortTitle}</span>
        </label>
      ))}
    </fieldset>
  );
}

function DateRangeInputs({ from, to, onChange }: { from: string; to: string; onChange: (from: string, to: string) => void }) {
  const [a, setA] = useState(from);
  const [b, setB] = useState(to);
  const apply = (x: string, y: string) => {
    if ((x && y) || (!x && !y)) onChange(x, y);
  };
  return (
    <div className="explore-range">
      <label className="explore-field">
        <span className="explore-label">From</span>
        <input type="date" value={a} onChange={(e) => { setA(e.target.value); apply(e.target.value, b); }} />
      </label>
      <label className="explore-field">
        <span className="explore-label">To</span>
        <input type="date" value={b} onChange={(e) => { setB(e.target.value); apply(a, e.target.value); }} />
      </label>
    </div>
  );
}

function FilterEditor({ builder, members }: { builder: QueryBuilderRenderProps; members: readonly (TCubeDimension | TCubeMeasure)[] }) {
  const [member, setMember] = useState('');
  const [operator, setOperator] = useState('equals');
  const [values, setValues] = useState('');
  const add = () => {
    const dimension = members.find((m) => m.name === member);
    if (!dimension) return;
    const unary = UNARY.includes(operator);
    const list = values.split(',').map((v) => v.trim()).filter(Boolean);
    if (!unary && list.length === 0) return;
    builder.updateFilters.add({ dimension, operator: operator as BinaryOperator | UnaryOperator, ...(unary ? {} : { values: list }) });
    setValues('');
  };
  return (
    <fieldset className="explore-group" data-testid="explore-filters">
      <legend>Filters</legend>
      {builder.filters.map((f) => (
        <div key={f.index} className="explore-filter">
          <span>
            {f.dimension.shortTitle} {(f as { operator?: string }).operator} {((f as { values?: string[] }).values ?? []).join(', ')}
          </span>
          <button type="button" className="icon-button" onClick={() => builder.updateFilters.remove(f)} aria-label={`Remove filter on ${f.dimension.shortTitle}`}>
            ×
          </button>
        </div>
      ))}
      <label className="explore-field">
        <span className="explore-label">Member</span>
        <select value={member} onChange={(e) => setMember(e.target.value)} data-testid="explore-filter-member">
          <option value="">Pick…</option>
          {members.map((m) => (
            <option key={m.name} value={m.name}>
              {m.shortTitle}
            </option>
          ))}
        </select>
      </label>
      <label className="explore-field">
        <span className="explore-label">Operator</span>
        <select value={operator} onChange={(e) => setOperator(e.target.value)}>
          {['equals', 'notEquals', 'contains', 'notContains', 'gt', 'gte', 'lt', 'lte', 'set', 'notSet'].map((op) => (
            <option key={op} value={op}>
              {op}
            </option>
          ))}
        </select>
      </label>
      {UNARY.includes(operator) ? null : (
        <label className="explore-field">
          <span className="explore-label">Values (comma-separated)</span>
          <input type="text" value={values} onChange={(e) => setValues(e.target.value)} onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); add(); } }} data-testid="explore-filter-values" />
        </label>
      )}
      <button type="button" className="button" onClick={add} disabled={!member}>
        Add filter
      </button>
    </fieldset>
  );
}

function ExploreResults({ query, meta }: { query: Query; meta: CubeMeta | undefined }) {
  const result = useExploreResult(query);
  if (!isRunnable(query)) return <p className="explore-notice">Pick a measure or a dimension to run a query.</p>;
  const kind = chartKind(query);
  const title = exploreTitle(query, meta);
  const table = result.data ? exploreTable(result.data.rows, query, meta) : null;
  const input = result.data ? exploreChartInput(result.data.chart, result.data.series, query, meta) : null;
  // Cube answers at most `limit` rows (10,000 unless the query says otherwise): say so rather than cut quietly.
  const limit = query.limit ?? 10_000;
  const truncated = (result.data?.rows.length ?? 0) >= limit;
  const descriptions = (query.measures ?? []).map((m) => meta?.members.get(m)?.description).filter(Boolean).join(' ');
  let number: ReactNode = null;
  if (kind === 'number' && result.data && (query.measures?.length ?? 0) > 0) {
    const row = result.data.rows[0];
    number = (
      <div className="tiles" data-testid="explore-number">
        {(query.measures ?? []).map((m) => {
          const format = meta?.members.get(m)?.format ?? 'number';
          return <StatTile key={m} label={meta?.members.get(m)?.shortTitle ?? m} value={formatValue(toNumber(row?.[m]), format)} delta={null} description={meta?.members.get(m)?.description ?? null} />;
        })}
      </div>
    );
  }
  return (
    <>
      {number}
      <ChartPanel
        title={title}
        description={descriptions || null}
        query={result}
        option={input ? categoryChartOption(input) : null}
        table={table}
        emptyMessage="No rows match this query. Remove a filter or widen the date range."
        height={360}
        testId="explore-result"
        footer={truncated ? `Showing the first ${limit.toLocaleString('en-US')} rows (Cube's row limit): add a filter or fewer dimensions to see the rest.` : null}
      />
    </>
  );
}
