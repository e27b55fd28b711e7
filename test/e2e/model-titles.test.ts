/**
 * The model is the dashboard's single source of titles and formats: rename members in (a copy
 * of) model/ and the pages show the new titles on the next load, with no code change and no
 * restart. Real Cube over HTTP serving the built dashboard, real Chromium; the fixture
 * warehouse (test/fixtures/warehouse).
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/src/start-server';
import type { RunningServer } from '../../server/src/start-server';
import { buildWarehouse, tempDir } from '../cube/helpers';
import { ROOT, buildWeb, launchChromium, panelTable } from './stack';

/** Member → [title in the model today, the analyst's new title], and where each shows. */
const RENAMES = [
  { file: 'cubes/funnel/leads.yml', from: 'title: "Sales SLA compliance"', to: 'title: "Follow-up kept (renamed)"', old: 'Sales SLA compliance', now: 'Follow-up kept (renamed)' },
  { file: 'cubes/funnel/leads.yml', from: 'title: "Sales SLA met"', to: 'title: "Touched in time (renamed)"', old: 'Sales SLA met', now: 'Touched in time (renamed)' },
  { file: 'cubes/funnel/leads.yml', from: 'title: "Hours to first touch"', to: 'title: "Time to first call (renamed)"', old: 'Hours to first touch', now: 'Time to first call (renamed)' },
  { file: 'cubes/funnel/leads.yml', from: 'title: "Acceptance rate"', to: 'title: "Accepted by sales (renamed)"', old: 'Acceptance rate', now: 'Accepted by sales (renamed)' },
] as const;

let dir: string;
let model: string;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  dir = tempDir('closedloop-titles-');
  model = join(dir, 'model');
  cpSync(join(ROOT, 'model'), model, { recursive: true });
  const webDist = join(dir, 'dist');
  const [warehouse] = await Promise.all([buildWarehouse(join(dir, 'warehouse.duckdb')), buildWeb(webDist)]);
  server = await startServer({ warehousePath: warehouse, port: 0, modelPath: model, webDist, production: false, log: () => undefined });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What the SLA and lead-quality pages show for the renamed members. The first load waits for Cube's first pre-aggregation builds. */
async function shownTitles(page: Page): Promise<string[]> {
  const wait = { timeout: 240_000 };
  await page.goto(`${server.url}/sla?range=all`);
  const tile = page.getByTestId('sla-compliance').locator('.tile-label');
  await tile.waitFor(wait);
  const week = page.getByTestId('chart-sla-week');
  await week.getByRole('button', { name: 'Table', exact: true }).click(wait);
  await week.locator('thead th').first().waitFor(wait);
  await page.getByTestId('breach-list').locator('thead th').first().waitFor(wait);
  const sla = [await tile.innerText(), ...(await panelTable(page, 'chart-sla-week')).headers, ...(await panelTable(page, 'breach-list')).headers];

  await page.goto(`${server.url}/lead-quality?range=all`);
  const conversion = page.getByTestId('chart-conversion-channel');
  await conversion.getByRole('button', { name: 'Table', exact: true }).click(wait);
  await conversion.locator('thead th').first().waitFor(wait);
  return [...sla, ...(await panelTable(page, 'chart-conversion-channel')).headers];
}

describe('titles come from the model: a rename in model/ shows on the pages with no code change', { timeout: 600_000 }, () => {
  it('before: the pages show the model\'s titles', async () => {
    const page = await browser.newPage();
    try {
      const shown = await shownTitles(page);
      for (const { old } of RENAMES) expect(shown, old).toContain(old);
    } finally {
      await page.close();
    }
  });

  it('after renaming the members in the model copy: the new titles, none of the old', async () => {
    for (const { file, from, to } of RENAMES) {
      const path = join(model, file);
      const text = readFileSync(path, 'utf8');
      expect(text, `${file} has ${from}`).toContain(from);
      writeFileSync(path, text.replace(from, to));
    }
    // The server recompiles the model on the next request after a file changes; a fresh page reads /meta anew.
    const page = await browser.newPage();
    try {
      let shown: string[] = [];
      for (let attempt = 0; attempt < 20; attempt += 1) {
        shown = await shownTitles(page);
        if (shown.includes(RENAMES[0].now)) break;
        await page.waitForTimeout(1000);
      }
      for (const { old, now } of RENAMES) {
        expect(shown, now).toContain(now);
        expect(shown, old).not.toContain(old);
      }
    } finally {
      await page.close();
    }
  });
});
