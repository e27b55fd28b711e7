/**
 * `npm run dev`, as a child process: the dashboard from Vite's dev server proxying the API,
 * Cube's Playground on the API port, and agreement.yml watched (a change rebuilds the
 * warehouse and the server serves it without a restart; a typo is reported with file and
 * line and the previous warehouse keeps serving). Numbers are checked against plain SQL over
 * the warehouse file the ETL wrote.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cubeGet, num, tempDir } from '../cube/helpers';
import { ROOT } from './stack';

let dir: string;
let child: ChildProcess;
let output = '';
let api: string;
let dashboard: string;
const warehouse = () => join(dir, 'warehouse.duckdb');
const agreement = () => join(dir, 'agreement.yml');

async function waitFor(pattern: RegExp, from: number, ms = 240_000): Promise<RegExpExecArray> {
  const start = Date.now();
  for (;;) {
    const match = pattern.exec(output.slice(from));
    if (match) return match;
    if (child.exitCode !== null) throw new Error(`npm run dev exited (${child.exitCode}):\n${output}`);
    if (Date.now() - start > ms) throw new Error(`no ${pattern} after ${ms} ms:\n${output.slice(from)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Plain SQL over the warehouse file, opened read-only next to the server. */
async function sql(query: string): Promise<number> {
  const instance = await DuckDBInstance.create(warehouse(), { access_mode: 'READ_ONLY' });
  try {
    const connection = await instance.connect();
    const rows = (await connection.runAndReadAll(query)).getRows();
    connection.closeSync();
    return Number(rows[0]?.[0]);
  } finally {
    instance.closeSync();
  }
}

async function breaches(): Promise<number | null> {
  const { status, body } = await cubeGet(api, 'load', { measures: ['funnel.sla_breached_count'] });
  expect(status, JSON.stringify(body)).toBe(200);
  return num((body.data as Record<string, unknown>[])[0]?.['funnel.sla_breached_count']);
}

beforeAll(async () => {
  dir = tempDir('closedloop-dev-');
  copyFileSync(join(ROOT, 'agreement.yml'), agreement());
  child = spawn('npm', ['run', 'dev'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'development', PORT: '0', CLOSEDLOOP_WAREHOUSE: warehouse(), CLOSEDLOOP_AGREEMENT: agreement() },
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const match = await waitFor(/dashboard \(hot reload\)\s+(\S+)\n\s+Cube API\s+(http:\/\/localhost:\d+)\/cubejs-api\/v1/, 0);
  dashboard = match[1] ?? '';
  api = match[2] ?? '';
});
afterAll(() => {
  if (child?.exitCode === null && child.pid) process.kill(-child.pid, 'SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run dev', { timeout: 300_000 }, () => {
  it('built the missing warehouse from the samples, and the dashboard is Vite\'s dev server proxying the API', async () => {
    expect(output).toContain('from the sample exports in seeds/');
    const html = await (await fetch(dashboard)).text();
    expect(html).toContain('/src/main.tsx'); // served from source, with hot reload
    const url = `${dashboard.replace(/\/$/, '')}/cubejs-api/v1/load?query=${encodeURIComponent(JSON.stringify({ measures: ['funnel.lead_count'] }))}`;
    let body: { data?: Record<string, unknown>[]; error?: string } = {};
    for (let i = 0; i < 60 && (body.data === undefined || body.error === 'Continue wait'); i += 1) body = (await (await fetch(url)).json()) as typeof body;
    expect(num(body.data?.[0]?.['funnel.lead_count'])).toBe(await sql('SELECT count(*) FROM leads'));
    const status = (await (await fetch(`${dashboard.replace(/\/$/, '')}/closedloop-api/v1/status`)).json()) as { model: { ok: boolean } };
    expect(status.model.ok).toBe(true);
  });

  it("serves Cube's Playground on the API port", async () => {
    const page = await fetch(`${api}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).not.toContain('Closedloop API');
    const context = (await (await fetch(`${api}/playground/context`)).json()) as { basePath?: string };
    expect(context.basePath).toBe('/cubejs-api');
  });

  it('an agreement change rebuilds the warehouse and is served without a restart', async () => {
    const before = await breaches();
    expect(before).toBe(await sql("SELECT count(*) FROM leads WHERE sla_status = 'breached'"));
    const text = readFileSync(agreement(), 'utf8');
    expect(text).toMatch(/^ {2}hours: 24\b/m);
    const from = output.length;
    writeFileSync(agreement(), text.replace(/^ {2}hours: 24\b/m, '  hours: 2'));
    await waitFor(/\[dev\] warehouse rebuilt/, from);
    await waitFor(/serving warehouse build 2/, from, 60_000);
    const expected = await sql("SELECT count(*) FROM leads WHERE sla_status = 'breached'");
    expect(expected).toBeGreaterThan(before ?? 0); // a 2-hour SLA is breached more often than a 24-hour one
    let after = await breaches();
    for (let i = 0; i < 40 && after !== expected; i += 1) {
      await new Promise((r) => setTimeout(r, 250));
      after = await breaches();
    }
    expect(after).toBe(expected);
  });

  it('an agreement typo: file, line and key; the previous warehouse keeps serving', async () => {
    const served = await breaches();
    const text = readFileSync(agreement(), 'utf8');
    const line = text.split('\n').findIndex((l) => l.startsWith('sales_sla:')) + 1;
    const from = output.length;
    writeFileSync(agreement(), text.replace(/^sales_sla:/m, 'sales_slaa:'));
    await waitFor(new RegExp(`\\[dev\\] warehouse not rebuilt, the previous one keeps serving: ${agreement().replaceAll('.', '\\.')}:${line}:1: "sales_slaa": expected one of the keys`), from);
    expect(await breaches()).toBe(served);
  });

  it('Ctrl-C stops it and frees the port', async () => {
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    const sent = Date.now();
    process.kill(-(child.pid ?? 0), 'SIGINT');
    await exited;
    expect(Date.now() - sent).toBeLessThan(5000);
    await expect(fetch(`${api}/cubejs-api/v1/meta`)).rejects.toThrow();
  });
});
