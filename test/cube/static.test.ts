import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRows, startFixtureServer, tempDir } from './helpers';
import type { Fixture } from './helpers';

let fixture: Fixture;
let webDist: string;

beforeAll(async () => {
  webDist = tempDir('closedloop-web-');
  mkdirSync(join(webDist, 'assets'));
  writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Closedloop</title>');
  writeFileSync(join(webDist, 'assets', 'app-1234.js'), 'console.log("app")');
  fixture = await startFixtureServer({ webDist });
});
afterAll(async () => {
  await fixture?.close();
});

describe('the dashboard from the same origin as the API', () => {
  const cases = [
    { path: '/', status: 200, type: 'text/html', body: '<title>Closedloop</title>' },
    { path: '/funnel/by-channel', status: 200, type: 'text/html', body: '<title>Closedloop</title>' },
    { path: '/assets/app-1234.js', status: 200, type: 'text/javascript', body: 'console.log("app")' },
    { path: '/assets/missing.js', status: 404, type: undefined, body: undefined },
  ];
  for (const { path, status, type, body } of cases) {
    it(`GET ${path} -> ${status}`, async () => {
      const response = await fetch(`${fixture.server.url}${path}`);
      expect(response.status).toBe(status);
      if (type) expect(response.headers.get('content-type')).toContain(type);
      if (body) expect(await response.text()).toContain(body);
    });
  }
  it('never serves files outside the folder', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number | undefined>((done, fail) => {
      request(`${fixture.server.url}/..%2f..%2f..%2fetc%2fpasswd`, (res) => {
        res.resume();
        done(res.statusCode);
      }).on('error', fail).end();
    });
    expect(status).toBe(404);
  });

  it('API paths still go to Cube', async () => {
    const rows = await loadRows(fixture.server.url, { measures: ['funnel.lead_count'] });
    expect(rows).toHaveLength(1);
    const meta = await fetch(`${fixture.server.url}/cubejs-api/v1/meta`);
    expect(meta.headers.get('content-type')).toContain('application/json');
  });
});
