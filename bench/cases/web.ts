/**
 * Dashboard case: the production build's initial JS (gzipped) and the time from navigation
 * until every chart on the funnel page has rendered, in headless Chromium, median of 5,
 * on the bundled sample data over localhost.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildWarehouse } from '../../etl/src/build';
import { ensureWebBuild } from '../../scripts/lib/ensure-web-build';
import { defaultAgreement, seedsDirs, webDist } from '../../scripts/lib/paths';
import { bundleSizes } from '../lib/bundle-size';
import { withBrowserPage } from '../lib/capture-dashboard-queries';
import { caseArgs } from '../lib/case-args';
import { emit, percentile, ratio } from '../lib/result';
import { serveInChild } from '../lib/serve-child';

const { workDir } = caseArgs();
const log = (line: string) => console.log(line);

await ensureWebBuild(log);
const sizes = await bundleSizes(webDist);
log(`Initial JS: ${sizes.initialFiles.join(', ')}`);

const warehouse = join(workDir, 'seeds-warehouse.duckdb');
if (!existsSync(warehouse)) await buildWarehouse({ inputs: seedsDirs, warehousePath: warehouse, agreementPath: defaultAgreement });
const server = await serveInChild({ warehouse, web: webDist });

const runs: number[] = [];
await withBrowserPage(async (page) => {
  // One visit to warm the server's cache and pre-aggregations, as a returning user would find it.
  await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
  for (let i = 0; i < 5; i++) {
    await page.goto('about:blank');
    const started = Date.now();
    await page.goto(`${server.url}/`);
    // Every chart panel reports data-rendered once ECharts fired "finished" with its data.
    await page.waitForFunction(
      () => {
        const charts = [...document.querySelectorAll('[data-testid="echart"]')];
        const loading = document.querySelectorAll('[aria-busy="true"]').length;
        return charts.length >= 3 && loading === 0 && charts.every((c) => c.getAttribute('data-rendered') === 'true');
      },
      undefined,
      { timeout: 60_000, polling: 16 },
    );
    runs.push(Date.now() - started);
  }
});
await server.stop();

const median = percentile(runs, 50);
emit({
  name: 'dashboard',
  scale: 'seeds/ (5,000 leads), 1440×1000 headless Chromium',
  figures: [
    { name: 'initial JS (gzip)', value: sizes.initialJsGzipKb, unit: 'KB' },
    { name: 'all JS chunks (gzip)', value: sizes.totalJsGzipKb, unit: 'KB' },
    { name: 'CSS (gzip)', value: sizes.cssGzipKb, unit: 'KB' },
    { name: 'funnel charts rendered, median of 5', value: median, unit: 'ms' },
    { name: 'funnel charts rendered, worst of 5', value: Math.max(...runs), unit: 'ms' },
  ],
  ratios: [
    ratio('initial JS ÷ 350 KB budget', sizes.initialJsGzipKb / 350, 'the 350 KB gzipped budget', { max: 1 }),
    ratio('funnel render ÷ 1.5 s budget', median / 1500, 'the 1.5 s budget', { max: 1 }),
  ],
});
