/**
 * The full stack for browser tests: the warehouse built from seeds/ by the real ETL, the
 * dashboard built by Vite into a temp folder, the real server (Cube + static files) on a free
 * port, and headless Chromium driven by playwright-core. Plus plain HTTP access to Cube's REST
 * API, so tests compare what the page shows with what the API answers.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildWarehouse } from '../../etl/src/build';
import { startServer } from '../../server/src/start-server';
import type { RunningServer } from '../../server/src/start-server';
import { sharedBuild, type SharedBuild } from './shared-build';

const run = promisify(execFile);

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SCREENSHOTS = join(ROOT, 'artifacts', 'screenshots');
const SEEDS = [join(ROOT, 'seeds', 'salesforce-marketo'), join(ROOT, 'seeds', 'hubspot')];
const AGREEMENT = join(ROOT, 'agreement.yml');

export interface Stack {
  readonly server: RunningServer;
  readonly url: string;
  readonly warehousePath: string;
  readonly webDist: string;
  readonly browser: BrowserContext;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** The seeds' warehouse. The seeds must pass every data test (the build throws otherwise): npm start would refuse them too. */
const SEEDS_WAREHOUSE: SharedBuild = {
  name: 'seeds',
  inputs: ['etl', 'shared', 'seeds', 'agreement.yml', 'package-lock.json'],
  build: async (outDir) => {
    await buildWarehouse({ inputs: SEEDS, warehousePath: join(outDir, 'warehouse.duckdb'), agreementPath: AGREEMENT });
  },
};

/** The seeds' warehouse at `path`: a copy of the one build of the current sources and seeds (`shared-build.ts`). */
async function buildSeedsWarehouse(path: string): Promise<void> {
  copyFileSync(join(await sharedBuild(ROOT, SEEDS_WAREHOUSE), 'warehouse.duckdb'), path);
}

/** Debian's Chromium, headless, as root may run it (never a downloaded browser). */
const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
};

/** A browser for tests that run their own server (a fresh profile each launch). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch(CHROMIUM);
}

/** The production dashboard (web/ imports shared/). */
const WEB: SharedBuild = {
  name: 'web',
  inputs: ['web', 'shared', 'package-lock.json', 'tsconfig.json'],
  build: async (outDir) => {
    await run(join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--config', join(ROOT, 'web', 'vite.config.ts'), '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production' },
    });
  },
};

/** The production dashboard in `outDir`: a copy of the one build of the current sources (`shared-build.ts`). */
export async function buildWeb(outDir: string): Promise<void> {
  cpSync(await sharedBuild(ROOT, WEB), outDir, { recursive: true });
}

export async function startStack(): Promise<Stack> {
  const dir = mkdtempSync(join(tmpdir(), 'closedloop-e2e-'));
  const warehousePath = join(dir, 'warehouse.duckdb');
  const webDist = join(dir, 'dist');
  await Promise.all([buildSeedsWarehouse(warehousePath), buildWeb(webDist)]);
  const server = await startServer({ warehousePath, port: 0, webDist, production: false, log: () => undefined });
  const browser = await chromium.launchPersistentContext(join(dir, 'chromium-profile'), {
    ...CHROMIUM,
    viewport: { width: 1440, height: 960 },
    acceptDownloads: true,
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    server,
    url: server.url,
    warehousePath,
    webDist,
    browser,
    async newPage() {
      const page = await browser.newPage();
      page.setDefaultTimeout(30_000);
      return page;
    },
    async close() {
      await browser.close().catch(() => undefined);
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type Row = Readonly<Record<string, string | number | boolean | null>>;

/** Cube's REST API, straight over HTTP (not through the dashboard's code). */
export async function cubeLoad(baseUrl: string, query: unknown): Promise<Row[]> {
  const url = `${baseUrl}/cubejs-api/v1/load?query=${encodeURIComponent(JSON.stringify(query))}`;
  for (let attempt = 0; attempt < 120; attempt += 1) {
    const response = await fetch(url);
    const body = (await response.json()) as { error?: string; data?: Row[] };
    if (body.error === 'Continue wait') continue;
    if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${JSON.stringify(body)}`);
    return body.data ?? [];
  }
  throw new Error('Cube kept answering "Continue wait"');
}

export function num(value: unknown): number {
  return Number(value);
}

/** Waits until no panel on the page is loading (skeletons gone). */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('.skeleton').length === 0 && document.querySelectorAll('.panel, .tiles').length > 0);
  // Give ECharts a frame to paint after the data arrives.
  await page.waitForTimeout(400);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Reads the DOM table inside a panel: header titles (without sort arrows) and cell texts. */
export async function panelTable(page: Page, testId: string): Promise<{ headers: string[]; rows: string[][] }> {
  const panel = page.getByTestId(testId);
  const headers = (await panel.locator('thead th').allInnerTexts()).map((t) => t.replace(/[▲▼↕]/g, '').trim()).filter((t) => t !== '' && t !== 'Actions');
  const rows = await panel.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => Array.from(tr.querySelectorAll('td:not(.row-action)')).map((td) => (td.textContent ?? '').trim())),
  );
  return { headers, rows };
}

// Expected texts, formatted here with Intl directly (independently of the dashboard's formatters).
export const fmt = {
  int: (v: unknown) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(Number(v)),
  pct: (v: unknown) => `${(Number(v) * 100).toFixed(1)}%`,
  money: (v: unknown) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(Number(v)),
  moneyCompact: (v: unknown) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', notation: 'compact', maximumFractionDigits: 1 }).format(Number(v)),
};
