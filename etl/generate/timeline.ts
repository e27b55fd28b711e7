// When things happen: lead creation spread over the 12-month window (volume grows ~60 % over
// the year, weekdays and business hours dominate), and helpers for later events.
import type { Rng } from './prng';
import { DAY, HOUR, SECOND } from './timestamps';
import type { Region } from './world';

export const WINDOW_DAYS = 365;
const GROWTH = 0.6;

/** Business-hours start (UTC hour) per region. */
const REGION_DAY_START: Readonly<Record<Region, number>> = { NA: 13, LATAM: 12, EMEA: 7, APAC: 0 };

export interface Window {
  readonly start: number;
  readonly asOf: number;
}

/** The 12 months ending at asOf: with asOf 2026-10-31T23:59:59Z, start is 2025-11-01T00:00:00Z. */
export function windowFor(asOf: number): Window {
  return { start: asOf + SECOND - WINDOW_DAYS * DAY, asOf };
}

/**
 * Creation time of the i-th of n leads: inverse CDF of a linearly growing volume, so creation
 * times rise with i (ids then rise with creation, as in real exports).
 */
export function creationTime(rng: Rng, w: Window, i: number, n: number, region: Region): number {
  const x = (i + rng.next()) / n;
  const t = (-1 + Math.sqrt(1 + 2 * GROWTH * x * (1 + GROWTH / 2))) / GROWTH;
  let day = Math.floor((w.start + t * (w.asOf - w.start)) / DAY);
  const dow = new Date(day * DAY).getUTCDay();
  if ((dow === 0 || dow === 6) && rng.chance(0.75)) day += dow === 0 || day - 1 < Math.floor(w.start / DAY) ? 1 : -1;
  const hour = (REGION_DAY_START[region] + rng.next() * 10) % 24;
  const at = day * DAY + Math.floor(hour * HOUR / SECOND) * SECOND;
  return clamp(at, w.start, w.asOf);
}

export function clamp(ms: number, lo: number, hi: number): number {
  return ms < lo ? lo : ms > hi ? hi : ms;
}

/** ms rounded down to a whole second. */
export function sec(ms: number): number {
  return Math.floor(ms / SECOND) * SECOND;
}

/** A time after `from`: log-normal delay with the given median in hours. */
export function after(rng: Rng, from: number, medianHours: number, sigma = 0.8, minMs = 60 * SECOND): number {
  const delay = Math.max(minMs, rng.logNormal(medianHours, sigma) * HOUR);
  return sec(from + delay);
}
