import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page, type Request } from 'playwright-core';

export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];
/** Every page of the dashboard but Explore (which sends only what its user asks for), in navigation order. */
export const dashboardPaths = ['/', '/sla', '/lead-quality', '/velocity', '/agreement', '/attribution'];

export async function withBrowserPage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'closedloop-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1440, height: 1000 },
    args: chromiumArgs,
  });
  try {
    return await fn(context.pages()[0] ?? (await context.newPage()));
  } finally {
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}

function queryOf(request: Request): unknown[] {
  const url = new URL(request.url());
  const raw = url.searchParams.get('query') ?? (request.postDataJSON() as { query?: unknown } | null)?.query;
  if (raw === undefined || raw === null) return [];
  const parsed: unknown = typeof raw === 'string' ? JSON.parse(raw) : raw;
  return Array.isArray(parsed) ? parsed : [parsed];
}

/** The queries one dashboard page sent when opened. */
export interface PageQueries {
  readonly path: string;
  readonly queries: readonly unknown[];
}

/**
 * The dashboard's standard queries, as the dashboard itself sends them: open every page in
 * headless Chromium (each in a fresh tab, so that no page is answered from another's client
 * cache) and record each distinct `/load` query per page (compareDateRange ones included).
 */
export async function captureDashboardQueriesByPage(baseUrl: string): Promise<PageQueries[]> {
  const pages: PageQueries[] = [];
  await withBrowserPage(async (first) => {
    const context = first.context();
    for (const path of dashboardPaths) {
      const page = await context.newPage();
      const seen = new Map<string, unknown>();
      let inFlight = 0;
      let lastActivity = Date.now();
      page.on('request', (request) => {
        if (!request.url().includes('/cubejs-api/')) return;
        inFlight++;
        lastActivity = Date.now();
        if (!request.url().includes('/cubejs-api/v1/load')) return;
        for (const query of queryOf(request)) seen.set(JSON.stringify(query), query);
      });
      const settled = () => {
        inFlight--;
        lastActivity = Date.now();
      };
      page.on('requestfinished', (request) => request.url().includes('/cubejs-api/') && settled());
      page.on('requestfailed', (request) => request.url().includes('/cubejs-api/') && settled());
      await page.goto(`${baseUrl}${path}`, { waitUntil: 'networkidle', timeout: 120_000 });
      // A page asks in waves (meta and the data window first, then its charts): done when no API
      // request has been open for 3 s.
      const deadline = Date.now() + 120_000;
      while ((inFlight > 0 || Date.now() - lastActivity < 3000) && Date.now() < deadline) await page.waitForTimeout(250);
      await page.close();
      pages.push({ path, queries: [...seen.values()] });
    }
  });
  return pages;
}

/** Every distinct query of every page, once. */
export function distinctQueries(pages: readonly PageQueries[]): unknown[] {
  const seen = new Map<string, unknown>();
  for (const page of pages) for (const query of page.queries) seen.set(JSON.stringify(query), query);
  return [...seen.values()];
}
