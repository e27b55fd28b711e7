/**
 * The README's analyst steps, end to end: add a measure to (a copy of) the model and see it
 * over REST (/meta and /load) without restarting; a model typo and an agreement typo give the
 * documented errors from `npm run check`, the server and the ETL; `npm run serve` with no built
 * dashboard builds it and serves it at `/`, and the dashboard says when the model breaks.
 * Real Cube over HTTP, real npm child processes, real Chromium. The expected value of the new
 * measure is hand-counted from test/fixtures/warehouse/warehouse.sql.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/src/start-server';
import type { RunningServer } from '../../server/src/start-server';
import { buildWarehouse, cubeGet, num, tempDir } from '../cube/helpers';
import { ROOT, launchChromium } from './stack';

// Enterprise-segment leads with an MQL date in the fixture: L03, L05 (Jan), L06 (Feb), L10, L11 (Mar).
const ENTERPRISE_MQLS = 5;
const MEASURE = `      - name: enterprise_mql_count
        title: "Enterprise MQLs"
        description: "MQLs from companies in the Enterprise band."
        type: count
        filters:
          - sql: "{CUBE}.mql_at IS NOT NULL AND {CUBE}.segment = 'Enterprise'"
        format: number
`;

let dir: string;
let warehouse: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  dir = tempDir('closedloop-analyst-');
  warehouse = await buildWarehouse(join(dir, 'warehouse.duckdb'));
});
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** How the server and `npm run check` (both started in the project root) show a path: relative inside it, else absolute. */
function shown(path: string): string {
  const rel = relative(ROOT, path);
  return rel.startsWith('..') ? path : rel;
}

function copyModel(name: string): string {
  const copy = join(dir, name);
  cpSync(join(ROOT, 'model'), copy, { recursive: true });
  return copy;
}

/** Step 1 and 2 of the README: the measure in the cube (right after `measures:`), listed in the view. */
function addMeasure(model: string, edit: (measure: string) => string = (m) => m): number {
  const cube = join(model, 'cubes/funnel/leads.yml');
  const lines = readFileSync(cube, 'utf8').split('\n');
  const at = lines.findIndex((line) => line === '    measures:') + 1;
  lines.splice(at, 0, ...edit(MEASURE).trimEnd().split('\n'));
  writeFileSync(cube, lines.join('\n'));
  const view = join(model, 'views/funnel.yml');
  writeFileSync(view, readFileSync(view, 'utf8').replace('          - lead_count\n', '          - lead_count\n          - enterprise_mql_count\n'));
  return at + 1; // the 1-based line of `- name: enterprise_mql_count`
}

function replaceIn(path: string, from: string, to: string): void {
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

function npm(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync('npm', ['run', '-s', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
}

async function until<T>(what: string, get: () => Promise<T>, ok: (value: T) => boolean, ms = 180_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    // A kept-alive socket the server closed while the step before ran can reset once: ask again.
    const value = await get().catch((error: unknown) => ({ fetchError: String(error) }) as T);
    if (ok(value)) return value;
    if (Date.now() - start > ms) throw new Error(`${what}: still ${JSON.stringify(value).slice(0, 500)} after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

interface Status {
  ok: boolean;
  problems: { file: string; line?: number; member?: string; message: string }[];
}

describe('an analyst adds a measure and sees it over REST without a restart', { timeout: 300_000 }, () => {
  let server: RunningServer;
  let model: string;
  let nameLine: number;
  const status = async (): Promise<Status> => ((await (await fetch(`${server.url}/closedloop-api/v1/status`)).json()) as { model: Status }).model;
  const metaHas = async (member: string) => {
    const meta = (await (await fetch(`${server.url}/cubejs-api/v1/meta`)).json()) as { cubes: { measures: { name: string; title: string }[] }[] };
    return meta.cubes.flatMap((c) => c.measures).find((m) => m.name === member);
  };

  beforeAll(async () => {
    model = copyModel('model-rest');
    server = await startServer({ warehousePath: warehouse, port: 0, modelPath: model, production: false, log: () => undefined });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('before: the model compiles and the measure does not exist', async () => {
    expect(await status()).toEqual({ ok: true, modelPath: shown(model), problems: [] });
    expect(await metaHas('funnel.enterprise_mql_count')).toBeUndefined();
  });

  it('after adding it: in /meta with its title, and /load counts it', async () => {
    nameLine = addMeasure(model);
    const measure = await until('meta', () => metaHas('funnel.enterprise_mql_count'), (m) => m !== undefined);
    expect(measure?.title).toMatch(/Enterprise MQLs/);
    const { status: code, body } = await cubeGet(server.url, 'load', { measures: ['funnel.enterprise_mql_count'] });
    expect(code, JSON.stringify(body)).toBe(200);
    expect(num((body.data as Record<string, unknown>[])[0]?.['funnel.enterprise_mql_count'])).toBe(ENTERPRISE_MQLS);
  });

  it('a typo in its type: the status and `npm run check` name the file, line and member', async () => {
    const cube = join(model, 'cubes/funnel/leads.yml');
    replaceIn(cube, "          - sql: \"{CUBE}.mql_at IS NOT NULL AND {CUBE}.segment = 'Enterprise'\"\n        format: number", "          - sql: \"{CUBE}.mql_at IS NOT NULL AND {CUBE}.segment = 'Enterprise'\"\n        format: number\n        type: cuont");
    // A duplicated key is a YAML error; make it a wrong value instead.
    replaceIn(cube, '        type: cuont\n', '');
    replaceIn(cube, '        description: "MQLs from companies in the Enterprise band."\n        type: count', '        description: "MQLs from companies in the Enterprise band."\n        type: cuont');
    const broken = await until('status', status, (s) => s.ok === false);
    expect(broken.problems).toHaveLength(1);
    expect(broken.problems[0]).toMatchObject({ file: shown(cube), line: nameLine, member: 'leads.enterprise_mql_count' });
    expect(broken.problems[0]?.message).toMatch(/type = cuont\) must be one of \[count, number/);
    // The API says why, too (no skeleton wait).
    const { status: code, body } = await cubeGet(server.url, 'load', { measures: ['funnel.lead_count'] });
    expect(code).not.toBe(200);
    expect(String(body.error)).toMatch(/cuont/);

    const check = npm(['check', '--', '--model', model]);
    expect(check.status).toBe(1);
    expect(check.stderr).toContain(`${shown(cube)}:${nameLine}: leads.enterprise_mql_count: leads cube: (measures.enterprise_mql_count.type = cuont) must be one of`);
  });

  it('a YAML syntax error: file, line and column', async () => {
    const cube = join(model, 'cubes/funnel/leads.yml');
    replaceIn(cube, '        type: cuont', '        type: count');
    replaceIn(cube, 'title: "Enterprise MQLs"', 'title: "Enterprise MQLs');
    const broken = await until('status', status, (s) => s.ok === false && s.problems[0]?.message.startsWith('YAML') === true);
    expect(broken.problems[0]?.file).toBe(shown(cube));
    expect(broken.problems[0]?.line).toBeGreaterThanOrEqual(nameLine + 1);
    const check = npm(['check', '--', '--model', model]);
    expect(check.status).toBe(1);
    expect(check.stderr).toMatch(new RegExp(`${shown(cube).replaceAll('.', '\\.')}:\\d+:\\d+: YAML syntax: `));
  });

  it('fixed: compiles again and serves the measure', async () => {
    replaceIn(join(model, 'cubes/funnel/leads.yml'), 'title: "Enterprise MQLs', 'title: "Enterprise MQLs"');
    await until('status', status, (s) => s.ok === true);
    const { body } = await cubeGet(server.url, 'load', { measures: ['funnel.enterprise_mql_count'] });
    expect(num((body.data as Record<string, unknown>[])[0]?.['funnel.enterprise_mql_count'])).toBe(ENTERPRISE_MQLS);
    expect(npm(['check', '--', '--model', model]).status).toBe(0);
  });
});

describe('an agreement typo: `npm run check` and the ETL give the same file:line error', { timeout: 300_000 }, () => {
  it('a misspelt top-level key', () => {
    const typo = join(dir, 'agreement.yml');
    const text = readFileSync(join(ROOT, 'agreement.yml'), 'utf8');
    const line = text.split('\n').findIndex((l) => l.startsWith('sales_sla:')) + 1;
    writeFileSync(typo, text.replace(/^sales_sla:/m, 'sales_slaa:'));
    const expected = `${typo}:${line}:1: "sales_slaa": expected one of the keys version, lead_statuses,`;
    const check = npm(['check', '--', '--agreement', typo]);
    expect(check.status).toBe(1);
    expect(check.stderr).toContain(`agreement: ${expected}`);
    const etl = npm(['etl', '--', '--input', 'seeds/hubspot', '--warehouse', join(dir, 'never.duckdb'), '--agreement', typo]);
    expect(etl.status).toBe(1);
    expect(etl.stderr).toContain(expected);
    expect(existsSync(join(dir, 'never.duckdb'))).toBe(false);
  });
});

describe('`npm run serve` with no built dashboard builds it and serves it at /', { timeout: 300_000 }, () => {
  let url: string;
  let model: string;
  let output = '';
  beforeAll(async () => {
    model = copyModel('model-serve');
    const child = spawn('npm', ['run', 'serve', '--', '--warehouse', warehouse, '--port', '0', '--model', model], {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_ENV: 'development', CLOSEDLOOP_WEB_DIST: join(dir, 'clean-checkout-dist') },
    });
    children.push(child);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    url = await new Promise<string>((resolveUrl, reject) => {
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Dashboard: (http:\/\/localhost:\d+)\//.exec(output);
        if (match?.[1]) resolveUrl(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`npm run serve exited with ${code}:\n${output}`)));
    });
  });

  it('built the dashboard first, and / and /sla are the dashboard, not Cube\'s placeholder', async () => {
    expect(output).toContain('Building the dashboard');
    expect(existsSync(join(dir, 'clean-checkout-dist', 'index.html'))).toBe(true);
    for (const path of ['/', '/sla', '/velocity']) {
      const response = await fetch(`${url}${path}`);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain('<div id="root"></div>');
      expect(html).not.toMatch(/Cube server is running/i);
    }
  });

  it('in Chromium: the dashboard renders, and says at once when the model stops compiling', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${url}/`);
      await page.getByRole('link', { name: 'SLA review' }).waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('model-status-banner').count()).toBe(0);

      const cube = join(model, 'cubes/funnel/leads.yml');
      replaceIn(cube, '        type: count\n', '        type: cuont\n');
      const banner = page.getByTestId('model-status-banner');
      await banner.waitFor({ timeout: 180_000 });
      const text = await banner.innerText();
      expect(text).toContain('does not compile');
      expect(text).toContain(shown(cube));
      expect(text).toMatch(/type = cuont\) must be one of/);
      expect(output).toMatch(/does not compile/);

      replaceIn(cube, '        type: cuont\n', '        type: count\n');
      await banner.waitFor({ state: 'detached', timeout: 180_000 });
    } finally {
      await browser.close();
    }
  });
});
