import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page, type Request } from 'playwright-core';

export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];
export const dashboardPaths = ['/', '/sla', '/lead-quality', '/velocity'];

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

/**
 * The dashboard's standard queries, as the dashboard itself sends them: open every page in
 * headless Chromium and record each distinct `/load` query (compareDateRange ones included).
 */
export async function captureDashboardQueries(baseUrl: string): Promise<unknown[]> {
  const seen = new Map<string, unknown>();
  await withBrowserPage(async (page) => {
    page.on('request', (request) => {
      if (!request.url().includes('/cubejs-api/v1/load')) return;
      for (const query of queryOf(request)) seen.set(JSON.stringify(query), query);
    });
    for (const path of dashboardPaths) {
      await page.goto(`${baseUrl}${path}`, { waitUntil: 'networkidle', timeout: 120_000 });
    }
  });
  return [...seen.values()];
}
