/**
 * The bad-input cases: one mutation of the clean sample exports each, and what must happen.
 * To add a case, append an entry: `mutate` damages the copy (see corpus.ts, Mutator), and
 * `expect` is the outcome — the build loads, or quarantines exactly `rows` records of
 * `file` with a reason matching `reason`, or stops with a message matching `message` (the
 * previous warehouse then keeps serving). Every case is also held to zero loss: leads, MQLs,
 * SQLs, opportunities and amounts equal an independent computation over the expected copy.
 * A case marked `knownWrong` runs as `it.fails`; `SHOW_KNOWN_WRONG=1 npx vitest run test/etl/bad-input`
 * runs it as a plain test to show how it goes wrong.
 */
import { col, type Table } from './csv-text';
import type { Mutator } from './corpus';

export type Outcome =
  | { readonly outcome: 'loads' }
  | { readonly outcome: 'quarantines'; readonly file: string; readonly rows: number; readonly reason: RegExp }
  | { readonly outcome: 'stops'; readonly message: RegExp };

export interface BadInputCase {
  readonly slug: string;
  readonly title: string;
  readonly mutate: (m: Mutator) => Promise<void>;
  readonly expect: Outcome;
  /** Known to go wrong today, with who fixes it: the test asserts that it still fails (vitest `it.fails`). */
  readonly knownWrong?: string;
}

const LEAD = 'salesforce-marketo/Lead.csv';
const OPP = 'salesforce-marketo/Opportunity.csv';
const TASK = 'salesforce-marketo/Task.csv';

/** `2025-11-02T22:28:32.000+0000` as Excel re-saves it: `11/2/2025 22:28`. */
function excelDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  return m ? `${Number(m[2])}/${Number(m[3])}/${m[1]} ${Number(m[4])}:${m[5]}` : value;
}

/** `7/9/2026 1:43 PM` → `2026-07-09T13:43:00.000+0000`; anything else unchanged. */
function usToIso(value: string): string {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2})(?: (AM|PM))?$/.exec(value.trim());
  if (!m) return value;
  const hour = (Number(m[4]) % 12) + (m[6] === 'PM' ? 12 : 0) + (m[6] === undefined && Number(m[4]) === 12 ? 12 : 0);
  const pad = (n: number | string): string => String(n).padStart(2, '0');
  return `${m[3]}-${pad(m[1] ?? '')}-${pad(m[2] ?? '')}T${pad(hour)}:${m[5]}:00.000+0000`;
}

/** `229800` / `229800.00` as a German Excel writes it: `229.800,00`. */
function europeanAmount(value: string): string {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) return value;
  const [int, frac] = n.toFixed(2).split('.');
  return `${(int ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${frac ?? '00'}`;
}

function mapColumn(table: Table, name: string, f: (v: string) => string): void {
  const i = col(table, name);
  for (const row of table.slice(1)) if (row[i] !== undefined) row[i] = f(row[i]);
}

/** Every `step`-th data row from `first`, `count` of them. */
function rowsEvery(step: number, count: number, first = 3): number[] {
  return Array.from({ length: count }, (_, k) => first + k * step);
}

export const cases: readonly BadInputCase[] = [
  { slug: 'clean', title: 'clean exports', mutate: async () => {}, expect: { outcome: 'loads' } },
  {
    slug: 'excel-dates-lead-created',
    title: 'Lead.CreatedDate re-saved by Excel (11/2/2025 22:28)',
    mutate: async (m) => {
      await m.edit(LEAD, (t) => mapColumn(t, 'CreatedDate', excelDate));
      // The generator's one US-style CreatedDate (a deliberate defect among ISO dates) fits the
      // column once every date is US-style: it loads, so the expected copy holds it in ISO.
      await m.editExpected(LEAD, (t) => mapColumn(t, 'CreatedDate', usToIso));
    },
    expect: { outcome: 'loads' },
  },
  {
    slug: 'unreadable-date-column',
    title: 'Lead.CreatedDate holding quarters (Q4 2025) in every row',
    mutate: (m) => m.edit(LEAD, (t) => mapColumn(t, 'CreatedDate', (v) => (/^\d{4}-(\d{2})/.exec(v) ? `Q${Math.ceil(Number(v.slice(5, 7)) / 3)} ${v.slice(0, 4)}` : v))),
    expect: { outcome: 'stops', message: /Lead\.csv, column "CreatedDate": \d[\d,]* of \d[\d,]* values are not a timestamp, e\.g\. "Q\d 20\d\d"; formats tried: / },
  },
  {
    slug: 'a-few-bad-dates',
    title: 'three Lead rows with an unreadable CreatedDate',
    mutate: (m) => m.damageRows(LEAD, rowsEvery(40, 3), (row, header) => void (row[header.indexOf('CreatedDate')] = 'n/a')),
    expect: { outcome: 'quarantines', file: 'Lead.csv', rows: 3, reason: /^CreatedDate is not a timestamp: n\/a$/ },
  },
  {
    slug: 'blank-opportunity-ids',
    title: 'two Opportunity rows with a blank Id',
    mutate: (m) => m.damageRows(OPP, [2, 5], (row, header) => void (row[header.indexOf('Id')] = '')),
    expect: { outcome: 'quarantines', file: 'Opportunity.csv', rows: 2, reason: /^missing Id$/ },
  },
  {
    slug: 'many-tasks-without-who',
    title: 'a tenth of Task rows with a blank WhoId (over error_if "> 5%")',
    mutate: (m) => m.edit(TASK, (t) => t.forEach((row, i) => void (i > 0 && i % 10 === 0 && (row[col(t, 'WhoId')] = '')))),
    expect: { outcome: 'stops', message: /Task\.csv: \d+ of \d[\d,]* rows quarantined \(\d+\.\d%, error_if "> 5%"\); most common: missing WhoId/ },
  },
  {
    slug: 'column-renamed',
    title: 'Lead.csv with "CreatedDate" renamed to "Lead Created"',
    mutate: (m) => m.edit(LEAD, (t) => void ((t[0] as string[])[col(t, 'CreatedDate')] = 'Lead Created')),
    expect: { outcome: 'stops', message: /Lead\.csv, line 1, column "CreatedDate": .*no required column "CreatedDate"/ },
  },
  {
    slug: 'doubled-file',
    title: 'Lead.csv twice, under another name',
    mutate: async (m) => m.writeDamaged('salesforce-marketo/Lead (1).csv', await m.read(LEAD)),
    expect: { outcome: 'loads' },
  },
  {
    slug: 'overlapping-opportunities',
    title: 'a second Opportunity export repeating ten records of the first',
    mutate: async (m) => {
      const t = await m.table(OPP);
      const { writeCsv } = await import('./csv-text');
      await m.writeDamaged('salesforce-marketo/Opportunity-2.csv', writeCsv(t.slice(0, 11)));
    },
    expect: { outcome: 'loads' },
  },
  {
    slug: 'truncated-lead-file',
    title: 'Lead.csv cut off half way (a failed download)',
    mutate: async (m) => {
      const text = await m.read(LEAD);
      await m.writeDamaged(LEAD, text.slice(0, Math.floor(text.length / 2)));
    },
    expect: { outcome: 'stops', message: /much less data \(more than 25% fewer\)[\s\S]*(leads|MQLs|SQLs|won amount): [\d,]+ → [\d,]+ \(−\d+\.\d%\)[\s\S]*--accept-drop/ },
  },
  {
    slug: 'extra-field',
    title: 'an Opportunity record with an unquoted comma (one field too many)',
    mutate: (m) => m.damageRows(OPP, [4], (row) => void row.push('Inc.')),
    expect: { outcome: 'quarantines', file: 'Opportunity.csv', rows: 1, reason: /^TOO MANY COLUMNS/ },
  },
  {
    slug: 'negative-amount',
    title: 'an Opportunity with a negative Amount (value refused, record kept)',
    mutate: (m) => m.edit(OPP, (t) => void ((t[3] as string[])[col(t, 'Amount')] = '-5000'), { expectedToo: true }),
    expect: { outcome: 'loads' },
  },
  {
    slug: 'empty-and-unknown-files',
    title: 'an empty file and an export the product does not use (Account.csv) in the folder',
    mutate: async (m) => {
      await m.writeDamaged('salesforce-marketo/Notes.csv', '');
      await m.writeDamaged('salesforce-marketo/Account.csv', 'Id,Name,Industry,BillingCountry\n001Hs000001,Acme Corp,Technology,US\n');
    },
    expect: { outcome: 'loads' },
  },
  {
    slug: 'one-european-amount',
    title: 'one Opportunity.Amount written the European way (1.000,50) in a column read with a decimal point',
    mutate: (m) => m.damageRows(OPP, [3], (row, header) => void (row[header.indexOf('Amount')] = '1.000,50')),
    expect: { outcome: 'quarantines', file: 'Opportunity.csv', rows: 1, reason: /^Amount is not a number: 1\.000,50$/ },
  },
  {
    slug: 'european-amounts',
    title: 'Opportunity.Amount written the European way (229.800,00, ";" delimiter)',
    mutate: (m) => m.edit(OPP, (t) => mapColumn(t, 'Amount', europeanAmount), { delimiter: ';' }),
    expect: { outcome: 'loads' },
  },
];
