/** Minimal REST calls the Cube benchmark needs, with Cube's "Continue wait" long-poll handled. */
export interface LoadAnswer {
  readonly ms: number;
  readonly usedPreAggregations: boolean;
}

export async function load(baseUrl: string, query: unknown, cache?: 'no-cache'): Promise<LoadAnswer> {
  // queryType=multi, as @cubejs-client/core sends it: compareDateRange answers with one result per range.
  const params = new URLSearchParams({ query: JSON.stringify(query), queryType: 'multi' });
  if (cache) params.set('cache', cache);
  const started = performance.now();
  for (;;) {
    const response = await fetch(`${baseUrl}/cubejs-api/v1/load?${params}`);
    const body = (await response.json()) as { error?: string; results?: { usedPreAggregations?: object }[]; usedPreAggregations?: object };
    if (body.error === 'Continue wait') continue;
    if (!response.ok || body.error) throw new Error(`load failed (${response.status}): ${body.error ?? 'no body'}`);
    const results = body.results ?? [body];
    const usedPreAggregations = results.every((r) => Object.keys(r.usedPreAggregations ?? {}).length > 0);
    return { ms: performance.now() - started, usedPreAggregations };
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
