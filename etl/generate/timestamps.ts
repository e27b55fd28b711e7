// Timestamp formats of the exports. All inputs are epoch milliseconds (UTC), whole seconds.
//  Salesforce datetime: 2026-03-04T15:22:10.000+0000   Salesforce date: 2026-03-04
//  Marketo:             2026-03-04T15:22:10Z
//  HubSpot local:       2026-03-04 10:22   (portal time zone America/New_York, no seconds)
//  HubSpot ISO offset:  2026-03-04T10:22:10-05:00 (America/New_York offset of that instant)

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const dayCache = new Map<number, string>();

/** YYYY-MM-DD of the UTC day containing ms. */
export function utcDate(ms: number): string {
  const day = Math.floor(ms / DAY);
  let s = dayCache.get(day);
  if (s === undefined) {
    s = new Date(day * DAY).toISOString().slice(0, 10);
    dayCache.set(day, s);
  }
  return s;
}

const pad2 = (n: number): string => (n < 10 ? '0' + n : String(n));

function clock(ms: number, withSeconds: boolean): string {
  const inDay = ms - Math.floor(ms / DAY) * DAY;
  const h = Math.floor(inDay / HOUR);
  const m = Math.floor((inDay % HOUR) / MINUTE);
  if (!withSeconds) return pad2(h) + ':' + pad2(m);
  const s = Math.floor((inDay % MINUTE) / SECOND);
  return pad2(h) + ':' + pad2(m) + ':' + pad2(s);
}

export function salesforceDateTime(ms: number): string {
  return utcDate(ms) + 'T' + clock(ms, true) + '.000+0000';
}

export const salesforceDate = utcDate;

export function marketoDateTime(ms: number): string {
  return utcDate(ms) + 'T' + clock(ms, true) + 'Z';
}

const dstCache = new Map<number, readonly [number, number]>();

/** US daylight-saving window [start, end) in UTC ms for a year (2nd Sun Mar 07:00Z – 1st Sun Nov 06:00Z). */
function usDstWindow(year: number): readonly [number, number] {
  let w = dstCache.get(year);
  if (w === undefined) {
    const mar1 = Date.UTC(year, 2, 1);
    const marDow = new Date(mar1).getUTCDay();
    const secondSunMar = 1 + ((7 - marDow) % 7) + 7;
    const nov1 = Date.UTC(year, 10, 1);
    const novDow = new Date(nov1).getUTCDay();
    const firstSunNov = 1 + ((7 - novDow) % 7);
    w = [Date.UTC(year, 2, secondSunMar, 7), Date.UTC(year, 10, firstSunNov, 6)] as const;
    dstCache.set(year, w);
  }
  return w;
}

/** America/New_York offset from UTC in minutes (-240 or -300) at instant ms. */
export function newYorkOffsetMinutes(ms: number): number {
  const year = new Date(ms).getUTCFullYear();
  const [start, end] = usDstWindow(year);
  return ms >= start && ms < end ? -240 : -300;
}

export function hubspotLocal(ms: number): string {
  const local = ms + newYorkOffsetMinutes(ms) * MINUTE;
  return utcDate(local) + ' ' + clock(local, false);
}

export function hubspotIsoOffset(ms: number): string {
  const offset = newYorkOffsetMinutes(ms);
  const local = ms + offset * MINUTE;
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return utcDate(local) + 'T' + clock(local, true) + sign + pad2(Math.floor(abs / 60)) + ':' + pad2(abs % 60);
}
