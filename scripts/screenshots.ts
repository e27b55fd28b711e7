/**
 * Take the README's screenshots of a running Closedloop (default http://localhost:4000)
 * in headless Chromium: `npx tsx scripts/screenshots.ts [url] [outDir]`.
 */
import { mkdtemp, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://localhost:4000';
const outDir = process.argv[3] ?? 'docs/screenshots';
const pages = [
  { name: 'funnel', path: '/' },
  { name: 'sla-review', path: '/sla' },
  { name: 'lead-quality', path: '/lead-quality' },
  { name: 'velocity-leakage', path: '/velocity' },
  { name: 'explore', path: `/explore?view=funnel&q=${encodeURIComponent('{"measures":["funnel.mql_count","funnel.acceptance_rate"],"timeDimensions":[{"dimension":"funnel.mql_date","granularity":"month"}]}')}` },
];

await mkdir(outDir, { recursive: true });
const userDataDir = await mkdtemp(join(tmpdir(), 'closedloop-shots-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1440, height: 1000 },
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
});
const page = await context.newPage();
for (const { name, path } of pages) {
  await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
  await page.waitForTimeout(800);
  await page.screenshot({ path: join(outDir, `${name}.png`), fullPage: true });
  console.log(`${name}: ${join(outDir, `${name}.png`)}`);
}
if (process.argv.includes('--meeting')) {
  await page.goto(`${base}/`, { waitUntil: 'networkidle' });
  await page.keyboard.press('m');
  await page.waitForTimeout(800);
  await page.keyboard.press('ArrowRight'); // past the agenda, to the first chart
  await page.waitForTimeout(1500);
  await page.screenshot({ path: join(outDir, 'meeting-mode.png') });
  console.log(`meeting-mode: ${join(outDir, 'meeting-mode.png')}`);
}
await context.close();
