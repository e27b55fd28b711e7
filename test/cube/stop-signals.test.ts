/**
 * `npm run serve` (and `npm start`) stop on SIGTERM to npm and on Ctrl-C (SIGINT to the
 * terminal's process group), leaving nothing on the port, within 2 s even right after queries.
 * Real npm, real child processes, real HTTP.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_DIR, buildWarehouse, tempDir } from './helpers';

const root = join(FIXTURE_DIR, '../../..');
let dir: string;
let warehouse: string;
const started: ChildProcess[] = [];

beforeAll(async () => {
  dir = tempDir();
  warehouse = await buildWarehouse(join(dir, 'warehouse.duckdb'));
});
afterAll(() => {
  for (const child of started) if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Starts `npm run serve` or `npm start` in its own process group (as a terminal would) and waits
 * for its URL. `npm start` gets the fixture warehouse (not the samples: never rebuilt) and a
 * dashboard build that is up to date (an index.html newer than web/src: not rebuilt).
 */
async function startServe(script: 'serve' | 'start'): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const webDist = join(dir, 'dist');
  mkdirSync(webDist, { recursive: true });
  writeFileSync(join(webDist, 'index.html'), '<!doctype html><div id="root"></div>');
  const args = script === 'serve' ? ['run', 'serve', '--', '--warehouse', warehouse, '--port', '0', '--no-web'] : ['start'];
  const child = spawn('npm', args, {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'development', PORT: String(await freePort()), CLOSEDLOOP_WAREHOUSE: warehouse, CLOSEDLOOP_WEB_DIST: webDist },
  });
  started.push(child);
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(?:Closedloop Cube API: |Closedloop is running: )(http:\/\/localhost:\d+)/.exec(output);
      if (match?.[1]) resolveUrl(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`npm run serve exited with ${code}:\n${output}`)));
  });
  return { child, url, output: () => output };
}

function freePort(): Promise<number> {
  return new Promise((resolvePort) => {
    const probe = createServer().listen(0, () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolvePort(port));
    });
  });
}

async function refused(url: string): Promise<boolean> {
  try {
    await fetch(`${url}/cubejs-api/v1/meta`, { signal: AbortSignal.timeout(1000) });
    return false;
  } catch (error) {
    return /ECONNREFUSED/.test(String((error as { cause?: unknown }).cause ?? error));
  }
}

const cases = [
  { name: 'SIGTERM to npm', send: (child: ChildProcess) => child.kill('SIGTERM') },
  { name: 'Ctrl-C (SIGINT to the process group)', send: (child: ChildProcess) => process.kill(-(child.pid ?? 0), 'SIGINT') },
];

describe.each(['serve', 'start'] as const)('npm %s stops on a signal, freeing the port within 2 s after queries', (script) => {
  for (const { name, send } of cases) {
    it(name, async () => {
      const { child, url, output } = await startServe(script);
      // Queries first: the refresh worker and the query queue are busy, as in real use.
      for (const query of [{ measures: ['funnel.lead_count'] }, { measures: ['funnel.mql_count'], dimensions: ['funnel.channel'] }]) {
        for (let attempt = 0; attempt < 60; attempt += 1) {
          const body = (await (await fetch(`${url}/cubejs-api/v1/load?query=${encodeURIComponent(JSON.stringify(query))}`)).json()) as { error?: string };
          if (body.error !== 'Continue wait') break;
        }
      }
      const exited = new Promise<number>((done) => child.once('exit', () => done(Date.now())));
      const sent = Date.now();
      send(child);
      const exitedAt = await exited;
      let freeAt = Date.now();
      while (!(await refused(url))) {
        if (Date.now() - sent > 10_000) throw new Error(`port still answering 10 s after ${name}:\n${output()}`);
        await new Promise((r) => setTimeout(r, 50));
        freeAt = Date.now();
      }
      const elapsed = Math.max(exitedAt, freeAt) - sent;
      console.log(`npm ${script}, ${name}: stopped and port free after ${elapsed} ms`);
      expect(elapsed, output()).toBeLessThan(2000);
      expect(output()).toMatch(/SIG(TERM|INT): stopping/);
    });
  }
});
