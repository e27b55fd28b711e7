import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLoad } from './load-run';

/**
 * The load generator against a plain HTTP server that answers as Cube's /load does: the first
 * ask of query "slow" is "Continue wait", query "broken" is a 400 with Cube's error body.
 */
let server: Server;
let url: string;
const asked: string[] = [];
const waited = new Set<string>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const params = new URL(req.url ?? '/', 'http://x').searchParams;
    const query = JSON.parse(params.get('query') ?? '{}') as { name?: string };
    const name = query.name ?? '';
    asked.push(`${name} ${params.get('queryType')}`);
    res.setHeader('Content-Type', 'application/json');
    if (name === 'slow' && !waited.has(name)) {
      waited.add(name);
      res.end(JSON.stringify({ error: 'Continue wait' }));
    } else if (name === 'broken') {
      res.statusCode = 400;
      res.end(JSON.stringify({ error: 'Cube says no' }));
    } else {
      res.end(JSON.stringify({ results: [{ data: [] }] }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('runLoad', () => {
  it('counts answers and errors, waits out "Continue wait", sends the queries as the dashboard does', async () => {
    const run = await runLoad(url, [{ name: 'ok' }, { name: 'slow' }, { name: 'broken' }], 3, 0.3);
    expect(run.requests).toBeGreaterThan(3);
    // One request in three is the broken query; "Continue wait" is asked again, never an error.
    expect(run.errors).toBe(run.errorMessages.get('load failed (400): Cube says no'));
    expect(run.errorMessages.size).toBe(1);
    // Each client takes the queries in turn: a third of its requests, give or take one.
    expect(Math.abs(run.errors - run.requests / 3)).toBeLessThanOrEqual(3);
    // Every request was asked once, and "slow" once more after its "Continue wait".
    expect(asked).toHaveLength(run.requests + 1);
    expect(asked.every((a) => a.endsWith(' multi'))).toBe(true);
    expect(run.requestsPerSecond).toBeGreaterThan(0);
    expect(run.p95).toBeGreaterThanOrEqual(run.p50);
  });
});
