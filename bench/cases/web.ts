/**
 * Dashboard case: the production build's initial JS (gzipped) and the time from navigation
 * until every chart on the funnel page has rendered, in headless Chromium, median of 5,
 * on the bundled sample data over localhost.
 */
import { join } from 'node:path';
import { buildWarehouse } from '../../etl/src/build';
import { ensureWebBuild } from '../../scripts/lib/ensure-web-build';
import { isStale } from '../../scripts/lib/freshness';
import { defaultAgreement, root, seedsDirs, webDist } from '../../scripts/lib/paths';
import { bundleSizes } from '../lib/bundle-size';
import { measureFunnelRender } from '../lib/funnel-render-timing';
import { caseArgs } from '../lib/case-args';
import { emit, percentile, ratio } from '../lib/result';
import { serveInChild } from '../lib/serve-child';

const { workDir } = caseArgs();
const log = (line: string) => console.log(line);

await ensureWebBuild(log);
const sizes = await bundleSizes(webDist);
log(`Initial JS: ${sizes.initialFiles.join(', ')}`);

const warehouse = join(workDir, 'seeds-warehouse.duckdb');
if (await isStale(warehouse, [...seedsDirs, defaultAgreement, join(root, 'etl', 'src')])) await buildWarehouse({ inputs: seedsDirs, warehousePath: warehouse, agreementPath: defaultAgreement });
const server = await serveInChild({ warehouse, web: webDist });

// Warm the server's cache and pre-aggregations once, as a returning user would find them.
await measureFunnelRender(server.url, 1);
const { runsMs: runs } = await measureFunnelRender(server.url, 5);
await server.stop();

const median = percentile(runs, 50);
emit({
  name: 'dashboard',
  scale: 'seeds/ (5,000 leads), 1440×960 headless Chromium',
  figures: [
    { name: 'initial JS (gzip)', value: sizes.initialJsGzipKb, unit: 'KB' },
    { name: 'all JS chunks (gzip)', value: sizes.totalJsGzipKb, unit: 'KB' },
    { name: 'CSS (gzip)', value: sizes.cssGzipKb, unit: 'KB' },
    { name: 'funnel charts rendered, median of 5', value: median, unit: 'ms' },
    { name: 'funnel charts rendered, worst of 5', value: Math.max(...runs), unit: 'ms' },
  ],
  ratios: [
    ratio('initial JS ÷ 350 KB budget', sizes.initialJsGzipKb / 350, 'the 350 KB gzipped budget', { max: 1 }),
    ratio('funnel render ÷ 1.0 s budget', median / 1000, 'the 1.0 s budget (issue 12)', { max: 1 }),
  ],
});
