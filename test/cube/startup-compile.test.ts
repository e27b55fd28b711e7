/**
 * The server compiles the model before it listens, so its first request does not wait for
 * the compile (in a `--workers` cluster every process used to compile on its first request).
 * Real Cube over the hand-counted fixture; the compile is seen in Cube's own log.
 */
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { STARTUP_COMPILE_REQUEST_ID } from '../../server/src/start-server';
import { FUNNEL_TOTAL } from './expected';
import { cubeGet, num, startFixtureServer, tempDir, type Fixture } from './helpers';

interface Logged {
  readonly message: string;
  readonly requestId: unknown;
  readonly afterStart: boolean;
}

async function startLogged(options: Parameters<typeof startFixtureServer>[0] = {}): Promise<{ fixture: Fixture; logged: Logged[] }> {
  const logged: Logged[] = [];
  let started = false;
  const fixture = await startFixtureServer({
    ...options,
    // Compiles only: the refresh worker would compile too, whenever its timer fires.
    refreshWorker: false,
    onCubeLog: (message, params) => {
      if (message.startsWith('Compiling schema') || message === 'Recompiling schema') logged.push({ message, requestId: params['requestId'], afterStart: started });
    },
  });
  started = true;
  return { fixture, logged };
}

const fixtures: Fixture[] = [];
const dirs: string[] = [];
afterAll(async () => {
  for (const fixture of fixtures) await fixture.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('the model is compiled before the server listens', () => {
  it('compiled once at start; the first query does not compile it again', async () => {
    const { fixture, logged } = await startLogged();
    fixtures.push(fixture);
    expect(logged).toEqual([
      { message: 'Compiling schema', requestId: STARTUP_COMPILE_REQUEST_ID, afterStart: false },
      { message: 'Compiling schema completed', requestId: STARTUP_COMPILE_REQUEST_ID, afterStart: false },
    ]);
    const { status, body } = await cubeGet(fixture.server.url, 'load', { measures: ['funnel.lead_count'] });
    expect(status).toBe(200);
    expect(num((body.data as Record<string, unknown>[])[0]?.['funnel.lead_count'])).toBe(FUNNEL_TOTAL.lead_count);
    expect(logged.filter((l) => l.afterStart)).toEqual([]);
  });

  it('a model that does not compile still starts the server; each request says why', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const model = join(dir, 'model');
    cpSync(resolve(import.meta.dirname, '../../model'), model, { recursive: true });
    writeFileSync(join(model, 'cubes', 'broken.yml'), 'cubes:\n  - name: broken\n    sql_table: main.leads\n    measures:\n      - name: total\n        type: not_a_type\n');
    const { fixture, logged } = await startLogged({ modelPath: model });
    fixtures.push(fixture);
    expect(logged.map((l) => [l.message, l.afterStart])).toEqual([['Compiling schema', false], ['Compiling schema error', false]]);
    const { status, body } = await cubeGet(fixture.server.url, 'load', { measures: ['funnel.lead_count'] });
    expect(status).toBeGreaterThanOrEqual(400);
    expect(String(body.error)).toContain('broken cube: (measures.total.type = notAType) must be one of');
  });
});
