// Explore: the query ⇄ URL, which chart fits the query, and result → table / chart input, all
// from the model's /meta (titles, formats). Pure; unit-tested.
import type { ChartPivotRow, Query, SeriesNamesColumn, TimeDimensionGranularity } from '@cubejs-client/core';
import type { CategoryChartInput } from '../../../lib/chart-options';
import type { CubeMeta } from '../../../lib/cube-meta';
import { measureValue, memberFormat, memberTitle } from '../../../lib/cube-meta';
import type { CubeRow } from '../../../lib/cube-client';
import { formatPeriod, toNumber } from '../../../lib/format';
import type { ValueFormat } from '../../../lib/format';
import type { ColumnFormat, TableData } from '../../../lib/table';

export const GRANULARITIES = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

export interface ExploreState {
  readonly view: string | null;
  readonly query: Query;
}

/** Thrown for a shared link whose query cannot be read; says what to do. */
export class ExploreLinkError extends Error {
  constructor(detail: string) {
    super(`This link's query cannot be read (${detail}). Pick a view and members to start again.`);
    this.name = 'ExploreLinkError';
  }
}

/** Reads `?view=…&q=<Cube query JSON>`. The view defaults to the first member's view. */
export function parseExploreSearch(search: string | URLSearchParams): ExploreState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const raw = params.get('q');
  let query: Query = {};
  if (raw) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch (error) {
      throw new ExploreLinkError(error instanceof Error ? error.message : String(error));
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new ExploreLinkError('q is not a JSON object');
    query = parsed as Query;
  }
  const first = [...(query.measures ?? []), ...(query.dimensions ?? []), ...(query.timeDimensions ?? []).map((t) => t.dimension)][0];
  return { view: params.get('view') ?? (first ? first.split('.')[0] ?? null : null), query };
}

/** Drops empty parts so equal queries give equal links. */
export function compactQuery(query: Query): Query {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) continue;
    out[key] = value;
  }
  return out as Query;
}

export function exploreSearch(state: ExploreState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.view) params.set('view', state.view);
  const query = compactQuery(state.query);
  if (Object.keys(query).length > 0) params.set('q', JSON.stringify(query));
  return params;
}

export type ChartKind = 'number' | 'line' | 'bar' | 'table';

/** Line over time, bars by a dimension, a single number, else (no measure) a table only. */
export function chartKind(query: Query): ChartKind {
  if ((query.measures?.length ?? 0) === 0) return 'table';
  if ((query.timeDimensions ?? []).some((t) => t.granularity)) return 'line';
  if ((query.dimensions?.length ?? 0) > 0) return 'bar';
  return 'number';
}

function timeColumnFormat(granularity: TimeDimensionGranularity | undefined): ColumnFormat {
  if (granularity === 'month') return 'month';
  if (granularity === 'week') return 'week';
  return 'timestamp';
}

/** Columns in the query's order: dimensions, time dimensions with a granularity, measures. */
export function exploreTable(rows: readonly CubeRow[], query: Query, meta: CubeMeta | undefined): TableData {
  const dims = (query.dimensions ?? []).map((d) => ({
    key: d,
    title: memberTitle(meta, d, d),
    format: (meta?.members.get(d)?.type === 'number' ? memberFormat(meta, d, 'number') : 'text') as ColumnFormat,
  }));
  const times = (query.timeDimensions ?? [])
    .filter((t) => t.granularity)
    .map((t) => ({ key: `${t.dimension}.${t.granularity}`, title: `${memberTitle(meta, t.dimension, t.dimension)} (${t.granularity})`, format: timeColumnFormat(t.granularity) }));
  const measures = (query.measures ?? []).map((m) => ({ key: m, title: memberTitle(meta, m, m), format: memberFormat(meta, m, 'number') as ColumnFormat }));
  const columns = [...dims, ...times, ...measures];
  return {
    columns,
    rows: rows.map((row) => Object.fromEntries(columns.map((c) => [c.key, isNumeric(c.format) ? toNumber(row[c.key]) : (row[c.key] ?? null)]))),
  };
}

function isNumeric(format: ColumnFormat): boolean {
  return format !== 'text' && format !== 'timestamp' && format !== 'month' && format !== 'week' && format !== 'boolean';
}

/** The chart from Cube's chartPivot: x = the time dimension (or dimensions), one series per measure (× dimension value). */
export function exploreChartInput(chart: readonly ChartPivotRow[], series: readonly SeriesNamesColumn[], query: Query, meta: CubeMeta | undefined): CategoryChartInput | null {
  const kind = chartKind(query);
  if (kind !== 'line' && kind !== 'bar') return null;
  const time = (query.timeDimensions ?? []).find((t) => t.granularity);
  const granularity = time?.granularity as Granularity | undefined;
  const measureOf = (s: SeriesNamesColumn) => s.yValues[s.yValues.length - 1] ?? s.key;
  const format: ValueFormat = memberFormat(meta, measureOf(series[0] ?? { key: '', title: '', shortTitle: '', yValues: [] }), 'number');
  return {
    categories: chart.map((p) => (granularity && (GRANULARITIES as readonly string[]).includes(granularity) ? formatPeriod(p.x, granularity) : p.x)),
    // A measure in another format (a rate beside counts) gets the second axis.
    series: series.map((s) => {
      const own = memberFormat(meta, measureOf(s), 'number');
      return {
        name: seriesName(s, meta),
        values: chart.map((p) => measureValue(meta, measureOf(s), toNumber(p[s.key]))),
        kind: kind === 'line' ? ('line' as const) : ('bar' as const),
        format: own,
        axis: own === format ? (0 as const) : (1 as const),
      };
    }),
    format,
    horizontal: kind === 'bar' && chart.length > 8,
  };
}

/** "MQLs" for one measure; "Email, MQLs" when a dimension splits it into series. */
function seriesName(s: SeriesNamesColumn, meta: CubeMeta | undefined): string {
  const measure = s.yValues[s.yValues.length - 1] ?? s.key;
  const title = memberTitle(meta, measure, s.shortTitle || s.title);
  const values = s.yValues.slice(0, -1);
  return values.length > 0 ? `${values.join(', ')}, ${title}` : title;
}

/** "MQLs and SQLs by Channel, MQL date (month)". */
export function exploreTitle(query: Query, meta: CubeMeta | undefined): string {
  const measures = (query.measures ?? []).map((m) => memberTitle(meta, m, m));
  const by = [
    ...(query.dimensions ?? []).map((d) => memberTitle(meta, d, d)),
    ...(query.timeDimensions ?? []).filter((t) => t.granularity).map((t) => `${memberTitle(meta, t.dimension, t.dimension)} (${t.granularity})`),
  ];
  const what = measures.length > 0 ? listJoin(measures) : 'Rows';
  return by.length > 0 ? `${what} by ${by.join(', ')}` : what;
}

function listJoin(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
