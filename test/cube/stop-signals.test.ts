/**
 * `npm run serve` (and `npm start`) stop on SIGTERM to npm and on Ctrl-C (SIGINT to the
 * terminal's process group), leaving nothing on the port, within 2 s even right after queries.
 * Real npm, real child processes, real HTTP.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
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

/** Starts `npm run serve` in its own process group (as a terminal would) and waits for its URL. */
async function startServe(): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn('npm', ['run', 'serve', '--', '--warehouse', warehouse, '--port', '0', '--no-web'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'development' },
  });
  started.push(child);
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Closedloop Cube API: (http:\/\/localhost:\d+)/.exec(output);
      if (match?.[1]) resolveUrl(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`npm run serve exited with ${code}:\n${output}`)));
  });
  return { child, url, output: () => output };
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

describe('npm run serve stops on a signal, freeing the port within 2 s after queries', () => {
  for (const { name, send } of cases) {
    it(name, async () => {
      const { child, url, output } = await startServe();
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
      expect(Math.max(exitedAt, freeAt) - sent, output()).toBeLessThan(2000);
      expect(output()).toMatch(/SIG(TERM|INT): stopping/);
    });
  }
});
