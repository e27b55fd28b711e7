/**
 * The same model, the same built warehouse, two warehouses: every public member's queries are
 * asked of a server over the DuckDB file and of one over the copy `npm run publish` put in
 * Postgres, with and without rollups, and the answers must be identical. Members come from
 * /meta, so views added later are covered without touching this file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveInChild } from '../../bench/lib/serve-child';
import type { ServedChild } from '../../bench/lib/serve-child';
import { buildWarehouse } from '../../etl/src/build';
import { publishToPostgres } from '../../etl/src/publish/publish-to-postgres';
import { createToken } from '../../server/src/auth';
import { cubeGet } from '../cube/helpers';
import { createTestDatabase, postgresUnavailable, stopCluster } from './postgres';
import type { TestDatabase } from './postgres';

const root = resolve(import.meta.dirname, '../..');
const SECRET = 'same-answers-test-secret';
const skip = postgresUnavailable();
if (skip) console.warn(`test/postgres/same-answers.test.ts: ${skip}.`);

interface MetaMember { name: string; type: string }
interface MetaView { name: string; type?: string; public?: boolean; measures: MetaMember[]; dimensions: MetaMember[] }

type Query = Record<string, unknown>;
interface Answer { status: number; rows?: unknown[]; error?: string }

/**
 * Cube answers numbers as strings, and both servers must answer the same strings, digit for
 * digit, except for the last bits of a double: an average's sum or a median's interpolation is
 * computed in another order by each engine (3.9073965766224923 vs …954), and a sum of
 * fractional attribution shares is 3851200 on one and 3851199.9999999995 on the other. Numeric
 * strings are compared to 12 significant digits, and stay strings (a JSON number would not
 * match). That NUMERIC ratios come back as doubles is held by test/model/portable-model.test.ts.
 */
function canonicalValue(value: unknown): unknown {
  if (typeof value !== 'string' || !/^-?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(value)) return value;
  return `num:${Number(value).toPrecision(12)}`;
}

/**
 * Rows as canonical lines. Ordered answers keep their order, except among rows whose first
 * order member ties at 12 significant digits: every attribution model credits the same revenue,
 * and which of them float noise puts first differs by engine, so such runs are sorted.
 */
function canonicalRows(rows: unknown[], ordered: boolean, orderKey?: string): string[] {
  const canonical = rows.map((row) => Object.entries(row as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, canonicalValue(v)] as const));
  const lines = canonical.map((row) => JSON.stringify(row));
  if (!ordered) return [...lines].sort();
  if (!orderKey) return lines;
  const keyOf = (i: number): string => JSON.stringify(canonical[i]?.find(([k]) => k === orderKey)?.[1] ?? null);
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    let j = i + 1;
    while (j < lines.length && keyOf(j) === keyOf(i)) j += 1;
    out.push(...lines.slice(i, j).sort());
    i = j;
  }
  return out;
}

function firstOrderMember(query: Query): string | undefined {
  const order = query.order;
  if (Array.isArray(order)) return (order[0] as [string, string] | undefined)?.[0];
  if (order && typeof order === 'object') return Object.keys(order)[0];
  return undefined;
}

async function ask(server: ServedChild, query: Query, token?: string): Promise<Answer> {
  const { status, body } = await cubeGet(server.url, 'load', query, token);
  if (status !== 200) return { status, error: String(body.error) };
  return { status, rows: body.data as unknown[] };
}

describe.skipIf(Boolean(skip))('DuckDB and Postgres give the same answers', () => {
  let work: string;
  let database: TestDatabase;
  const servers: Record<string, ServedChild> = {};
  let views: MetaView[] = [];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'closedloop-same-answers-'));
    const warehouse = join(work, 'warehouse.duckdb');
    await buildWarehouse({ inputs: [join(root, 'seeds')], warehousePath: warehouse, agreementPath: join(root, 'agreement.yml') });
    database = await createTestDatabase();
    await publishToPostgres({ warehousePath: warehouse, url: database.url });
    const env = { CUBEJS_API_SECRET: SECRET };
    const started = await Promise.all([
      serveInChild({ warehouse, env }),
      serveInChild({ warehouse, env: { ...env, ...database.cubeEnv } }),
      serveInChild({ warehouse, env: { ...env, CLOSEDLOOP_PRE_AGGREGATIONS: 'off' } }),
      serveInChild({ warehouse, env: { ...env, ...database.cubeEnv, CLOSEDLOOP_PRE_AGGREGATIONS: 'off' } }),
    ]);
    [servers.duckdb, servers.postgres, servers.duckdbNoRollups, servers.postgresNoRollups] = started;
    const meta = await cubeGet(started[0]!.url, 'meta', {});
    views = (meta.body.cubes as MetaView[]).filter((c) => c.type === 'view' && c.public !== false);
  }, 600_000);

  afterAll(async () => {
    await Promise.all(Object.values(servers).map((s) => s.stop()));
    await database?.drop();
    // The cluster this file started (vitest ends a file's process without its exit handlers).
    stopCluster();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /**
   * Asks `query` of both servers of a pair and compares. A query both refuse (e.g. measures of
   * two sides of a view asked together) is compared by status; the caller then asks per measure.
   */
  async function compare(pair: [ServedChild, ServedChild], query: Query, ordered: boolean, token?: string): Promise<{ same: boolean; both200: boolean; detail: string }> {
    const [a, b] = await Promise.all([ask(pair[0], query, token), ask(pair[1], query, token)]);
    const detail = `${JSON.stringify(query)}${token ? ' (token)' : ''}`;
    if (a.status !== b.status) return { same: false, both200: false, detail: `${detail}: DuckDB ${a.status} ${a.error ?? ''} / Postgres ${b.status} ${b.error ?? ''}` };
    if (a.status !== 200) return { same: true, both200: false, detail };
    const left = canonicalRows(a.rows ?? [], ordered, firstOrderMember(query));
    const right = canonicalRows(b.rows ?? [], ordered, firstOrderMember(query));
    const same = JSON.stringify(left) === JSON.stringify(right);
    const firstDiff = left.findIndex((line, i) => line !== right[i]);
    return { same, both200: true, detail: same ? detail : `${detail}: row ${firstDiff}: DuckDB ${left[firstDiff]} / Postgres ${right[firstDiff]} (${left.length} vs ${right.length} rows)` };
  }

  /** The view's measures together with `extra`; per measure when the combination is refused. */
  async function compareView(pair: [ServedChild, ServedChild], view: MetaView, extra: Query, ordered: boolean, token?: string): Promise<{ asked: number; answered: number; mismatches: string[] }> {
    const measures = view.measures.map((m) => m.name);
    const together = await compare(pair, { measures, ...extra }, ordered, token);
    if (together.both200 || !together.same) return { asked: 1, answered: together.both200 ? 1 : 0, mismatches: together.same ? [] : [together.detail] };
    const each = await Promise.all(measures.map((m) => compare(pair, { ...extra, measures: [m], order: orderFor(m, extra) }, ordered, token)));
    return { asked: each.length, answered: each.filter((r) => r.both200).length, mismatches: each.filter((r) => !r.same).map((r) => r.detail) };
  }

  function orderFor(measure: string, extra: Query): unknown {
    const dims = (extra.dimensions as string[] | undefined) ?? [];
    return dims.length > 0 ? [[measure, 'desc'], ...dims.map((d) => [d, 'asc'])] : undefined;
  }

  const pairs = [
    { name: 'with rollups', left: 'duckdb', right: 'postgres' },
    { name: 'without rollups', left: 'duckdbNoRollups', right: 'postgresNoRollups' },
  ] as const;

  for (const { name, left, right } of pairs) {
    it(`every public member, alone, by month (UTC and America/New_York) and by each dimension, ${name}`, async () => {
      const pair: [ServedChild, ServedChild] = [servers[left]!, servers[right]!];
      expect(views.length).toBeGreaterThan(3);
      let asked = 0;
      let answered = 0;
      const mismatches: string[] = [];
      const tally = (r: { asked: number; answered: number; mismatches: string[] }): void => {
        asked += r.asked;
        answered += r.answered;
        mismatches.push(...r.mismatches);
      };
      for (const view of views) {
        tally(await compareView(pair, view, {}, false));
        for (const time of view.dimensions.filter((d) => d.type === 'time')) {
          for (const timezone of ['UTC', 'America/New_York']) {
            tally(await compareView(pair, view, { timeDimensions: [{ dimension: time.name, granularity: 'month' }], timezone }, false));
          }
        }
        for (const dimension of view.dimensions.filter((d) => d.type !== 'time')) {
          const first = view.measures[0]?.name;
          // Ordered by the first measure, descending (NULLs last on both), then the dimension.
          const extra = { dimensions: [dimension.name], order: first ? [[first, 'desc'], [dimension.name, 'asc']] : [[dimension.name, 'asc']], limit: 50 };
          tally(await compareView(pair, view, extra, true));
        }
      }
      console.log(`same answers ${name}: ${views.length} views, ${asked} queries, ${answered} answered by both, ${mismatches.length} different`);
      expect(mismatches, `${mismatches.length} of ${asked} queries differ`).toEqual([]);
      expect(answered).toBeGreaterThan(views.length * 3);
    }, 900_000);
  }

  it('the same rows for region and team tokens', async () => {
    const pair: [ServedChild, ServedChild] = [servers.duckdb!, servers.postgres!];
    const tokens = [createToken(SECRET, { region: 'EMEA' }), createToken(SECRET, { team: 'SDR East' })];
    const mismatches: string[] = [];
    let answered = 0;
    for (const token of tokens) {
      for (const view of views) {
        const result = await compareView(pair, view, {}, false, token);
        answered += result.answered;
        mismatches.push(...result.mismatches);
      }
    }
    expect(mismatches).toEqual([]);
    expect(answered).toBeGreaterThan(views.length);
  }, 600_000);

  it('the comparison can fail: a different warehouse answers differently', async () => {
    const result = await compare([servers.duckdb!, servers.postgres!], { measures: ['funnel.lead_count'], filters: [{ member: 'funnel.region', operator: 'equals', values: ['EMEA'] }] }, false);
    expect(result.same).toBe(true);
    const other = await compare([servers.duckdb!, servers.postgres!], { measures: ['funnel.lead_count'] }, false);
    expect(other.same).toBe(true);
    const regionRows = await ask(servers.duckdb!, { measures: ['funnel.lead_count'], filters: [{ member: 'funnel.region', operator: 'equals', values: ['EMEA'] }] });
    const allRows = await ask(servers.postgres!, { measures: ['funnel.lead_count'] });
    expect(canonicalRows(regionRows.rows ?? [], false)).not.toEqual(canonicalRows(allRows.rows ?? [], false));
  });
});
