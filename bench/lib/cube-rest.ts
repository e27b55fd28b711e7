/** Minimal REST calls the Cube benchmark needs, with Cube's "Continue wait" long-poll handled. */
export interface LoadAnswer {
  readonly ms: number;
  readonly usedPreAggregations: boolean;
  /** Rows of the largest result (one result per range of a compareDateRange query). */
  readonly rows: number;
}

export async function load(baseUrl: string, query: unknown, cache?: 'no-cache'): Promise<LoadAnswer> {
  // queryType=multi, as @cubejs-client/core sends it: compareDateRange answers with one result per range.
  const params = new URLSearchParams({ query: JSON.stringify(query), queryType: 'multi' });
  if (cache) params.set('cache', cache);
  const started = performance.now();
  for (;;) {
    const response = await fetch(`${baseUrl}/cubejs-api/v1/load?${params}`);
    const body = (await response.json()) as { error?: string; results?: { usedPreAggregations?: object; data?: unknown[] }[]; usedPreAggregations?: object; data?: unknown[] };
    if (body.error === 'Continue wait') continue;
    if (!response.ok || body.error) throw new Error(`load failed (${response.status}): ${body.error ?? 'no body'}`);
    const results = body.results ?? [body];
    const usedPreAggregations = results.every((r) => Object.keys(r.usedPreAggregations ?? {}).length > 0);
    const rows = Math.max(0, ...results.map((r) => r.data?.length ?? 0));
    return { ms: performance.now() - started, usedPreAggregations, rows };
  }
}

export interface GeneratedSql {
  readonly sql: string;
  readonly params: unknown[];
}

export async function generatedSql(baseUrl: string, query: unknown): Promise<GeneratedSql> {
  const params = new URLSearchParams({ query: JSON.stringify(query) });
  const response = await fetch(`${baseUrl}/cubejs-api/v1/sql?${params}`);
  const body = (await response.json()) as { error?: string; sql?: { sql: [string, unknown[]] } };
  if (!response.ok || !body.sql) throw new Error(`sql failed (${response.status}): ${body.error ?? JSON.stringify(body).slice(0, 300)}`);
  const [sql, values] = body.sql.sql;
  return { sql, params: values };
}

/** A compareDateRange query is several queries, one per range; everything else is itself. */
export function expandCompareDateRange(query: unknown): unknown[] {
  const q = query as { timeDimensions?: { compareDateRange?: unknown[] }[] };
  const index = q.timeDimensions?.findIndex((td) => Array.isArray(td.compareDateRange)) ?? -1;
  if (index < 0) return [query];
  const td = q.timeDimensions![index]!;
  return td.compareDateRange!.map((dateRange) => {
    const { compareDateRange: _omit, ...rest } = td;
    const timeDimensions = [...q.timeDimensions!];
    timeDimensions[index] = { ...rest, dateRange } as never;
    return { ...q, timeDimensions };
  });
}

/** Cube's default row limit when a query gives none. */
const CUBE_DEFAULT_LIMIT = 10_000;

/**
 * The query made distinct for repetition `rep` without changing its answer, so that Cube's
 * result cache (keyed by the generated SQL) cannot answer it: a query whose answer (`rows`)
 * stays under its row limit gets a limit `rep` higher (still not reached). A list or a top-N
 * that its limit cuts gets an always-true filter: on a time dimension it has without a date
 * range, a range from 1900 to the year 2200 + `rep` (a rollup with that time dimension still
 * serves it); else `notEquals` a value no row has (Cube writes `(x <> v OR x IS NULL)`) on its
 * first string dimension or else on the view's first.
 */
export function uncachedVariant(query: unknown, rep: number, rows: number, strings: StringDimensions): unknown {
  const q = query as { limit?: number; dimensions?: string[]; filters?: unknown[]; timeDimensions?: { dateRange?: unknown; compareDateRange?: unknown }[] };
  const limit = q.limit ?? CUBE_DEFAULT_LIMIT;
  if (rows < limit) return { ...q, limit: limit + rep + 1 };
  const open = q.timeDimensions?.findIndex((td) => td.dateRange === undefined && td.compareDateRange === undefined) ?? -1;
  if (open >= 0) {
    const timeDimensions = [...q.timeDimensions!];
    timeDimensions[open] = { ...timeDimensions[open], dateRange: ['1900-01-01', `${2200 + rep}-12-31`] };
    return { ...q, timeDimensions };
  }
  const dimension = q.dimensions?.find((d) => strings.all.has(d)) ?? strings.firstByView.get(viewOf(query));
  if (!dimension) throw new Error(`cannot vary ${JSON.stringify(query)} without changing its answer: it has no dimension and its limit is reached`);
  return { ...q, filters: [...(q.filters ?? []), { member: dimension, operator: 'notEquals', values: [`(bench no-op ${rep})`] }] };
}

export interface StringDimensions {
  readonly all: ReadonlySet<string>;
  readonly firstByView: ReadonlyMap<string, string>;
}

/** The string dimensions of the views, from /meta (uncachedVariant filters on one). */
export async function stringDimensions(baseUrl: string): Promise<StringDimensions> {
  const response = await fetch(`${baseUrl}/cubejs-api/v1/meta`);
  const body = (await response.json()) as { cubes?: { name: string; dimensions: { name: string; type: string }[] }[] };
  const all = new Set<string>();
  const firstByView = new Map<string, string>();
  for (const cube of body.cubes ?? []) {
    for (const d of cube.dimensions.filter((d) => d.type === 'string')) {
      all.add(d.name);
      if (!firstByView.has(cube.name)) firstByView.set(cube.name, d.name);
    }
  }
  return { all, firstByView };
}

/** The view a query reads (its first member's). */
export function viewOf(query: unknown): string {
  const q = query as { measures?: string[]; dimensions?: string[]; timeDimensions?: { dimension: string }[] };
  const member = q.measures?.[0] ?? q.dimensions?.[0] ?? q.timeDimensions?.[0]?.dimension ?? '';
  return member.split('.')[0] ?? '';
}
