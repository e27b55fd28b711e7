/**
 * Checks the shape of a REST query before Cube sees it. Cube validates most of a query itself
 * (400 "Invalid query format"), but a string where a list belongs (`"measures": "funnel.x"`,
 * `"timeDimensions": "…"`) reached code that called list methods on it (500 "TypeError"), and
 * deeply nested JSON overflowed the stack. Those answer 400 here with what to send instead.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Deeper than any real query (filters nest `and`/`or` a few levels). */
export const MAX_QUERY_DEPTH = 32;

const MEMBER_LISTS = ['measures', 'dimensions', 'segments'] as const;
const QUERY_ENDPOINTS = /^\/cubejs-api\/v1\/(load|sql|dry-run|dryRun)$/;

/** Depth of a JSON value, counted without recursion; stops counting past `limit`. */
export function jsonDepth(value: unknown, limit = MAX_QUERY_DEPTH + 1): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (node === null || typeof node !== 'object') continue;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(node) ? node : Object.values(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** What is wrong with one query's shape, or undefined when Cube can take it from here. */
export function queryShapeError(query: unknown): string | undefined {
  if (Array.isArray(query)) {
    for (const [index, part] of query.entries()) {
      const error = queryShapeError(part);
      if (error) return `query ${index + 1} of ${query.length}: ${error}`;
    }
    return query.length === 0 ? 'the query is an empty list: send a query object, e.g. {"measures": ["funnel.lead_count"]}' : undefined;
  }
  if (!isObject(query)) return `the query must be a JSON object, e.g. {"measures": ["funnel.lead_count"]}, not ${JSON.stringify(query)?.slice(0, 60) ?? String(query)}`;
  if (jsonDepth(query) > MAX_QUERY_DEPTH) return `the query nests deeper than ${MAX_QUERY_DEPTH} levels; no real query does: flatten its filters`;
  for (const key of MEMBER_LISTS) {
    const value = query[key];
    if (value === undefined) continue;
    if (!Array.isArray(value) || !value.every((m) => typeof m === 'string')) {
      return `"${key}" must be a list of member names, e.g. ["${key === 'measures' ? 'funnel.lead_count' : 'funnel.channel'}"], not ${JSON.stringify(value).slice(0, 60)}`;
    }
  }
  const timeDimensions = query.timeDimensions;
  if (timeDimensions !== undefined && (!Array.isArray(timeDimensions) || !timeDimensions.every(isObject))) {
    return `"timeDimensions" must be a list of objects, e.g. [{"dimension": "funnel.mql_date", "granularity": "month"}], not ${JSON.stringify(timeDimensions).slice(0, 60)}`;
  }
  if (query.filters !== undefined && !Array.isArray(query.filters)) {
    return `"filters" must be a list, e.g. [{"member": "funnel.channel", "operator": "equals", "values": ["Paid Search"]}], not ${JSON.stringify(query.filters).slice(0, 60)}`;
  }
  return undefined;
}

function queryOf(req: IncomingMessage & { body?: unknown }): { found: boolean; query?: unknown; parseError?: boolean } {
  if (req.method === 'GET') {
    const raw = new URL(req.url ?? '/', 'http://localhost').searchParams.get('query');
    if (raw === null) return { found: false };
    try {
      return { found: true, query: JSON.parse(raw) };
    } catch {
      return { found: false, parseError: true }; // Cube answers this one itself, with its own message.
    }
  }
  const body = req.body;
  if (isObject(body) && 'query' in body) {
    const query = body.query;
    if (typeof query === 'string') {
      try {
        return { found: true, query: JSON.parse(query) };
      } catch {
        return { found: false, parseError: true };
      }
    }
    return { found: true, query };
  }
  return { found: false };
}

/** Express middleware (after the JSON body parser): 400 with a message for a query Cube would choke on. */
export function queryShapeGuard(req: IncomingMessage & { body?: unknown }, res: ServerResponse, next: () => void): void {
  const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (!QUERY_ENDPOINTS.test(pathname)) {
    next();
    return;
  }
  const { found, query } = queryOf(req);
  const error = found ? queryShapeError(query) : undefined;
  if (!error) {
    next();
    return;
  }
  res.statusCode = 400;
  res.setHeader('Content-Type', 'application/json');
  res.end(JSON.stringify({ error: `Invalid query format: ${error}` }));
}
