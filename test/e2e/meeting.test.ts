/**
 * Meeting mode in headless Chromium at the two screens meeting rooms have (1920×1080 and
 * 1280×720): every slide fits without scrolling (element boxes measured), each slide's key figure
 * is at least 4% of the screen's height, the keyboard works after choosing auto-advance, the
 * countdown waits while the presenter interacts, and the meeting pack prints one page per slide.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { SCREENSHOTS, cubeLoad, launchChromium, num, settled, startStack } from './stack';
import type { Stack } from './stack';

let stack: Stack;
let range: [string, string];
let search: string;

const iso = (date: Date) => date.toISOString().slice(0, 10);

beforeAll(async () => {
  stack = await startStack();
  const [latest] = await cubeLoad(stack.url, {
    measures: ['funnel.lead_count'],
    timeDimensions: [{ dimension: 'funnel.created_date', granularity: 'month' }],
    order: { 'funnel.created_date': 'desc' },
    limit: 1,
  });
  const month = new Date(`${String(latest?.['funnel.created_date.month']).slice(0, 10)}T00:00:00Z`);
  range = [iso(new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() - 11, 1))), iso(new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 0)))];
  search = `from=${range[0]}&to=${range[1]}`;
});

afterAll(async () => {
  await stack?.close();
});

async function openDeck(width: number, height: number, query = 'slide=0', page?: Page): Promise<Page> {
  page ??= await stack.newPage();
  await page.setViewportSize({ width, height });
  await page.goto(`${stack.url}/meeting?${search}&${query}`);
  await page.getByTestId('meeting-title').waitFor();
  return page;
}

async function slideSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('.meeting-body .skeleton').length === 0);
  await page.waitForTimeout(500);
}

interface Fit {
  /** Elements whose box reaches outside the slide body (class names). */
  readonly outside: string[];
  /** Elements that scroll (content taller or wider than their box, overflow auto/scroll). */
  readonly scrolling: string[];
  readonly bodyScrolls: boolean;
  readonly pager: boolean;
  readonly keyFigures: number[];
}

/** Measures the slide on screen: boxes against the slide body's box, scrollers, key figures' computed font size. */
function measureSlide(page: Page, bodySelector: string): Promise<Fit> {
  return page.evaluate((selector) => {
    const body = document.querySelector(selector);
    if (!body) throw new Error(`no ${selector}`);
    const box = body.getBoundingClientRect();
    const all = Array.from(body.querySelectorAll('*'));
    const name = (e: Element) => `${e.tagName.toLowerCase()}.${String(e.getAttribute('class') ?? '')}`;
    const outside = all
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && (r.bottom > box.bottom + 1 || r.right > box.right + 1 || r.left < box.left - 1 || r.top < box.top - 1);
      })
      .map(name);
    const scrolling = all
      .filter((e) => {
        const style = getComputedStyle(e);
        const scrolls = (v: string) => v === 'auto' || v === 'scroll';
        return (scrolls(style.overflowY) && e.scrollHeight > e.clientHeight + 1) || (scrolls(style.overflowX) && e.scrollWidth > e.clientWidth + 1);
      })
      .map(name);
    return {
      outside,
      scrolling,
      bodyScrolls: body.scrollHeight > body.clientHeight + 1 || document.documentElement.scrollHeight > window.innerHeight + 1,
      pager: body.querySelector('.pager') !== null,
      keyFigures: Array.from(body.querySelectorAll('.key-figure'), (e) => Number.parseFloat(getComputedStyle(e).fontSize)),
    };
  }, bodySelector);
}

/** Slides whose key figure is a number on the slide: it must be there and large. */
const KEY_FIGURE_SLIDES = new Set(['Headline results', 'Leakage between tools', 'Leads that missed follow-up']);

describe.each([
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
])('meeting mode at $width×$height', ({ width, height }) => {
  it('no slide overflows or scrolls; key figures are at least 4% of the screen height', async () => {
    const page = await openDeck(width, height);
    const count = Number((await page.getByTestId('meeting-position').innerText()).split('/')[1]);
    expect(count).toBeGreaterThan(10);
    const problems: unknown[] = [];
    for (let i = 0; i < count; i += 1) {
      await slideSettled(page);
      const title = await page.getByTestId('meeting-title').innerText();
      const fit = await measureSlide(page, '[data-testid=meeting-body]');
      await page.screenshot({ path: join(SCREENSHOTS, `meeting-${width}x${height}-${String(i + 1).padStart(2, '0')}.png`) });
      const small = fit.keyFigures.filter((px) => px < 0.04 * height);
      const missing = KEY_FIGURE_SLIDES.has(title) && fit.keyFigures.length === 0;
      if (fit.outside.length || fit.scrolling.length || fit.bodyScrolls || fit.pager || small.length || missing) problems.push({ title, ...fit, small, missing });
      await page.keyboard.press('ArrowRight');
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the breach slide shows the top rows that fit and how many more, out of the API’s count', async () => {
    const page = await openDeck(width, height);
    await page.getByRole('button', { name: /Leads that missed follow-up/ }).click();
    await slideSettled(page);
    const [row] = await cubeLoad(stack.url, { measures: ['funnel.sla_breached_count'], timeDimensions: [{ dimension: 'funnel.handoff_date', dateRange: range }] });
    const total = num(row?.['funnel.sla_breached_count']);
    expect(total).toBeGreaterThan(30);
    const shown = await page.locator('[data-testid=meeting-body] tbody tr').count();
    expect(shown).toBeGreaterThan(5);
    expect(await page.getByTestId('table-more').innerText()).toBe(`Top ${shown} of ${total.toLocaleString('en-US')} · ${(total - shown).toLocaleString('en-US')} more`);
    // The last row shown is whole, and one more would not have fitted.
    const gap = await page.evaluate(() => {
      const wrap = document.querySelector('[data-testid=meeting-body] .table-wrap');
      const rows = wrap?.querySelectorAll('tbody tr');
      const last = rows?.[rows.length - 1]?.getBoundingClientRect();
      const box = wrap?.getBoundingClientRect();
      return box && last && wrap ? { room: box.top + wrap.clientTop + wrap.clientHeight - last.bottom, rowHeight: last.height } : null;
    });
    expect(gap?.room).toBeGreaterThanOrEqual(-0.5);
    expect(gap?.room).toBeLessThan(gap?.rowHeight ?? 0);
    await page.close();
  });
});

describe('meeting mode keyboard and auto-advance', () => {
  it('after choosing an auto-advance interval, →, Space, ← and Esc still work', async () => {
    const page = await openDeck(1280, 720, 'slide=1');
    const title = page.getByTestId('meeting-title');
    await expect.poll(() => title.innerText()).toBe('Headline results');
    await page.getByTestId('meeting-auto').selectOption('60');
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('SELECT');
    const steps = [
      { key: 'ArrowRight', title: 'Lead funnel: MQL → won' },
      { key: ' ', title: 'Revenue by channel · W-shaped attribution' },
      { key: 'ArrowLeft', title: 'Lead funnel: MQL → won' },
    ];
    for (const s of steps) {
      await page.keyboard.press(s.key);
      await expect.poll(() => title.innerText()).toBe(s.title);
    }
    // Even with the dropdown focused again (Tab to it), the deck keeps → and Esc.
    await page.getByTestId('meeting-auto').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => title.innerText()).toBe('Revenue by channel · W-shaped attribution');
    await page.getByTestId('meeting-print').focus();
    await page.keyboard.press(' ');
    await expect.poll(() => title.innerText()).toBe('Every model sums to the same revenue');
    expect(page.url()).not.toMatch(/pack=1/);
    await page.keyboard.press('Escape');
    await page.waitForURL((url) => url.pathname === '/');
    await page.close();
  });

  it('auto-advance waits while the presenter moves the pointer, then moves on', async () => {
    // The page's clock (Playwright's fake timers) stands still once the slide is up; each step
    // below moves it on: the deck's own timers and Date.now(), no real waiting, and a slow
    // machine cannot let a second slip by between a step and its check. In a browser of its
    // own: the clock belongs to the browser context, and the stack's is shared.
    const browser = await launchChromium();
    onTestFinished(() => browser.close());
    const context = await browser.newContext();
    await context.clock.install();
    const page = await openDeck(1280, 720, 'slide=2', await context.newPage());
    const title = page.getByTestId('meeting-title');
    await expect.poll(() => title.innerText()).toBe('Lead funnel: MQL → won');
    // A minute ahead of the page's clock: however long this step takes, the time is ahead of it.
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 60_000);
    await page.getByTestId('meeting-auto').selectOption('15');
    await expect.poll(() => page.getByTestId('meeting-auto-status').innerText()).toBe('Next in 15s');
    // Point at the chart for 18 s: longer than the interval, so only the pause keeps the slide.
    for (let second = 0; second < 18; second += 1) {
      await page.mouse.move(300 + second * 20, 300);
      await page.clock.runFor(1000);
    }
    await expect.poll(() => page.getByTestId('meeting-auto-status').innerText()).toBe('Paused');
    expect(await title.innerText()).toBe('Lead funnel: MQL → won');
    // Left alone, it moves on once the interval has passed since the last movement, not before.
    await page.clock.runFor(13_000);
    await expect.poll(() => page.getByTestId('meeting-auto-status').innerText()).toBe('Next in 1s');
    expect(await title.innerText()).toBe('Lead funnel: MQL → won');
    await page.clock.runFor(2_000);
    await expect.poll(() => title.innerText()).toBe('Revenue by channel · W-shaped attribution');
    await page.close();
  });

  it('N shows the presenter notes with the model’s description from /meta', async () => {
    const meta = (await (await fetch(`${stack.url}/cubejs-api/v1/meta`)).json()) as { cubes: { measures: { name: string; description?: string }[] }[] };
    const description = meta.cubes.flatMap((c) => c.measures).find((m) => m.name === 'funnel.mql_count')?.description;
    expect(description).toBeTruthy();
    const page = await openDeck(1280, 720, 'slide=1');
    await page.keyboard.press('n');
    await expect.poll(() => page.getByTestId('slide-notes').innerText()).toContain(description);
    await slideSettled(page);
    const fit = await measureSlide(page, '[data-testid=meeting-body]');
    expect(fit.outside).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'meeting-notes.png') });
    await page.close();
  });
});

describe('meeting pack', () => {
  it('prints one A4 page per slide, each with the period, the as-of date and no overflow', async () => {
    const page = await openDeck(1440, 900);
    const count = Number((await page.getByTestId('meeting-position').innerText()).split('/')[1]);
    await page.keyboard.press('p');
    await page.getByTestId('meeting-pack').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.skeleton').length === 0, null, { timeout: 90_000 });
    await settled(page);
    const pages = page.getByTestId('pack-page');
    expect(await pages.count()).toBe(count);
    const [from, to] = range.map((d) => new Date(`${d}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }));
    for (let i = 0; i < count; i += 1) {
      const text = await pages.nth(i).innerText();
      expect(text).toContain(`Period ${from} – ${to}`);
      expect(text).toMatch(/Data as of \d{4}-\d{2}-\d{2}/);
      expect(text).toContain(`${i + 1} / ${count}`);
      const fit = await measureSlide(page, `section[data-testid=pack-page]:nth-of-type(${i + 1})`);
      expect({ page: i + 1, outside: fit.outside, scrolling: fit.scrolling }).toEqual({ page: i + 1, outside: [], scrolling: [] });
    }
    await pages.nth(10).screenshot({ path: join(SCREENSHOTS, 'meeting-pack-page-11.png') });
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    // Each page object in the PDF is "/Type /Page" (the page tree is "/Type /Pages").
    const pageObjects = pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? [];
    expect(pageObjects.length).toBe(count);
    await page.close();
  });
});
