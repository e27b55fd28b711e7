/**
 * Benchmark helper (not a test): how long after navigation the funnel page's tiles and charts
 * have all rendered, in headless Chromium. For `npm run bench`; also runnable on its own:
 *   npx tsx bench/lib/funnel-render-timing.ts http://localhost:4000 [runs]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

export interface RenderTiming {
  /** Milliseconds from navigation start to everything rendered, one per run. */
  readonly runsMs: readonly number[];
  readonly medianMs: number;
}

/** The funnel page is rendered when its 6 tiles show values and its 4 charts have drawn. */
const RENDERED = () =>
  document.querySelectorAll('.skeleton').length === 0 &&
  document.querySelectorAll('[data-testid^="tile-"][data-testid$="-value"]').length === 6 &&
  document.querySelectorAll('[data-testid="echart"] canvas').length >= 4;

export async function measureFunnelRender(baseUrl: string, runs = 5): Promise<RenderTiming> {
  const profile = mkdtempSync(join(tmpdir(), 'closedloop-bench-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    viewport: { width: 1440, height: 960 },
  });
  const runsMs: number[] = [];
  try {
    for (let i = 0; i < runs; i += 1) {
      const page = await browser.newPage();
      await page.goto(`${baseUrl}/`, { waitUntil: 'commit' });
      await page.waitForFunction(RENDERED, undefined, { timeout: 60_000, polling: 'raf' });
      runsMs.push(await page.evaluate(() => performance.now()));
      await page.close();
    }
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
  const sorted = [...runsMs].sort((a, b) => a - b);
  return { runsMs, medianMs: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [url = 'http://localhost:4000', runs = '5'] = process.argv.slice(2);
  measureFunnelRender(url, Number(runs)).then(
    (t) => console.log(`funnel page rendered: median ${t.medianMs.toFixed(0)} ms over ${t.runsMs.length} runs (${t.runsMs.map((r) => r.toFixed(0)).join(', ')} ms)`),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
