// Marketing spend per campaign (Salesforce + Marketo dataset) or per source (HubSpot dataset)
// and month: `Month,Channel,Campaign,Amount`, as a spreadsheet kept by marketing ops would hold.
// Drawn from its own PRNG stream, so adding it changed no other file.
import { join } from 'node:path';
import { openCsvFile } from './csv';
import { createRng, mixSeed, type Rng } from './prng';
import type { FileSummary } from './salesforce-marketo';
import type { Window } from './timeline';
import { DAY } from './timestamps';
import { CAMPAIGNS, CHANNELS } from './world';

export const SPEND_HEADER = ['Month', 'Channel', 'Campaign', 'Amount'] as const;

/** The agreement's channel name for a generator channel profile. */
const AGREEMENT_CHANNEL: Readonly<Record<string, string>> = { 'Partner/Referral': 'Referral', Social: 'Paid Social' };

/** Monthly cost range (USD, at 3,500 people) by Salesforce campaign type; events cost once, in their month. */
const MONTHLY_BY_TYPE: Readonly<Record<string, readonly [number, number]>> = {
  Advertisement: [4000, 11000], Website: [700, 2200], Email: [250, 900], Partners: [1000, 2800], 'Referral Program': [400, 1500],
};
const EVENT_BY_TYPE: Readonly<Record<string, readonly [number, number]>> = { 'Trade Show': [25000, 60000], Conference: [14000, 28000], Webinar: [1500, 4000] };
/** HubSpot: monthly cost range by Original Source (written as exported; the agreement maps it). */
const MONTHLY_BY_SOURCE: Readonly<Record<string, readonly [number, number]>> = {
  'Paid Search': [2500, 7000], 'Paid Social': [1500, 4500], 'Offline Sources': [2000, 9000], 'Email Marketing': [150, 500], 'Organic Search': [400, 1200], Referrals: [200, 900],
};

function months(w: Window): { key: string; start: number; end: number }[] {
  const out: { key: string; start: number; end: number }[] = [];
  const d = new Date(w.start);
  let y = d.getUTCFullYear();
  let m = d.getUTCMonth();
  for (;;) {
    const start = Date.UTC(y, m, 1);
    if (start > w.asOf) break;
    out.push({ key: `${y}-${String(m + 1).padStart(2, '0')}`, start, end: Date.UTC(y, m + 1, 1) - 1 });
    m += 1;
    if (m === 12) { m = 0; y += 1; }
  }
  return out;
}

const amount = (rng: Rng, [lo, hi]: readonly [number, number], scale: number): string => ((lo + rng.next() * (hi - lo)) * scale).toFixed(2);

/** `<outDir>/<file>`: one row per campaign and month it ran (events: one row, their month). */
export function writeCampaignSpend(outDir: string, name: string, seed: number, w: Window, persons: number): FileSummary {
  const rng = createRng(mixSeed(seed, 0x5be4d));
  const scale = Math.max(0.05, persons / 3500);
  const file = openCsvFile(join(outDir, name), SPEND_HEADER);
  for (const month of months(w)) {
    for (const c of CAMPAIGNS) {
      const start = w.start + c.startDay * DAY;
      const end = start + c.days * DAY;
      if (end < month.start || start > month.end || start > w.asOf) continue;
      const channel = AGREEMENT_CHANNEL[c.channel] ?? c.channel;
      const event = EVENT_BY_TYPE[c.type];
      const monthly = MONTHLY_BY_TYPE[c.type];
      if (event && start >= month.start) file.row([month.key, channel, c.name, amount(rng, event, scale)]);
      else if (monthly) file.row([month.key, channel, c.name, amount(rng, monthly, scale)]);
    }
  }
  file.close();
  return { file: name, rows: file.rowCount };
}

/** `<outDir>/<file>`: one row per Original Source and month, without a campaign; saved by Excel ("CSV UTF-8": BOM, CRLF). */
export function writeSourceSpend(outDir: string, name: string, seed: number, w: Window, persons: number): FileSummary {
  const rng = createRng(mixSeed(seed, 0x5be4e));
  const scale = Math.max(0.05, persons / 1500);
  const file = openCsvFile(join(outDir, name), SPEND_HEADER, { bom: true, eol: '\r\n' });
  for (const month of months(w)) {
    for (const ch of CHANNELS) {
      const range = MONTHLY_BY_SOURCE[ch.hubspotSource];
      if (range) file.row([month.key, ch.hubspotSource, '', amount(rng, range, scale)]);
    }
  }
  file.close();
  return { file: name, rows: file.rowCount };
}
