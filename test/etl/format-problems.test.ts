/**
 * The format guard names, for a column most of whose values do not parse, the file, the
 * column, an example value and the formats the loader tried, read from the loader's own record
 * (`raw._load_columns`), not from a description of the staging casts. Table-driven over damaged
 * copies of generated sample exports (the bad-input corpus): one column re-written per case.
 *
 * Expected values are written here by hand (the loader's format names) or counted from the
 * damaged CSV with a separate reader, never taken from the code under test.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWarehouse } from '../../etl/src/build';
import { FormatProblemError } from '../../etl/src/guards/guard-errors';
import { generateClean, prepareCase, ROOT } from './bad-input/corpus';
import { col, parseCsv, type Table } from './bad-input/csv-text';

/** The date formats the loader considers, as it names them (etl/src/load/detect-column-format.ts). */
const DATE_FORMATS = [
  'ISO 8601 (2026-03-05T14:20:00.000+0000, 2026-03-05)',
  'YYYY/MM/DD',
  'M/D/YYYY or D/M/YYYY (Excel, US or Europe)',
  'DD.MM.YYYY (Excel, Europe)',
  'DD-MM-YYYY or MM-DD-YYYY',
];
const NUMBER_FORMATS = ['decimal point (1,234.50)', 'decimal comma (1.234,50)'];
/** The loader samples the first 1,000 non-blank values among a file's first 10,000 records. */
const SAMPLE_VALUES = 1000;
const SAMPLE_ROWS = 10_000;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface Case {
  readonly title: string;
  /** Relative to the corpus root. */
  readonly file: string;
  readonly column: string;
  readonly rewrite: (value: string) => string;
  readonly expected: string;
  readonly formatsTried: readonly string[];
  /** The loader's closest format when none fits. */
  readonly closest: string;
  readonly example: RegExp;
}

const cases: readonly Case[] = [
  {
    title: 'Salesforce Lead.CreatedDate holding quarters',
    file: 'salesforce-marketo/Lead.csv',
    column: 'CreatedDate',
    // Every value, including the samples' few already re-saved by Excel (11/2/2025 22:28).
    rewrite: (v) => (v.trim() === '' ? v : /^\d{4}-\d{2}/.test(v) ? `Q${Math.ceil(Number(v.slice(5, 7)) / 3)} ${v.slice(0, 4)}` : 'Q4 2025'),
    expected: 'a timestamp',
    formatsTried: DATE_FORMATS,
    closest: 'ISO 8601',
    example: /^Q[1-4] 20\d\d$/,
  },
  {
    title: 'HubSpot contacts "Create Date" as the app shows it (Nov 2, 2025 7:11 PM)',
    file: 'hubspot/hubspot-contacts.csv',
    column: 'Create Date',
    rewrite: (v) => {
      const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})/.exec(v);
      if (!m) return v;
      const hour = Number(m[4]);
      return `${MONTHS[Number(m[2]) - 1]} ${Number(m[3])}, ${m[1]} ${hour % 12 === 0 ? 12 : hour % 12}:${m[5]} ${hour < 12 ? 'AM' : 'PM'}`;
    },
    expected: 'a date and time',
    formatsTried: DATE_FORMATS,
    closest: 'ISO 8601',
    example: /^[A-Z][a-z]{2} \d{1,2}, 20\d\d \d{1,2}:\d{2} [AP]M$/,
  },
  {
    title: 'Salesforce Opportunity.Amount with a unit after it (214600 k)',
    file: 'salesforce-marketo/Opportunity.csv',
    column: 'Amount',
    rewrite: (v) => (v.trim() === '' ? v : `${v} k`),
    expected: 'a number',
    formatsTried: NUMBER_FORMATS,
    closest: 'decimal point (1,234.50)',
    example: /^\d+(\.\d+)? k$/,
  },
];

let work: string;
let clean: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'closedloop-format-guard-'));
  clean = join(work, 'source');
  await generateClean(clean);
}, 300_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Non-blank values of a column in the whole file, and among the records the loader samples. */
function counts(table: Table, column: string): { present: number; sampled: number } {
  const i = col(table, column);
  const nonBlank = (rows: Table): number => rows.filter((row) => (row[i] ?? '').trim() !== '').length;
  return { present: nonBlank(table.slice(1)), sampled: Math.min(SAMPLE_VALUES, nonBlank(table.slice(1, 1 + SAMPLE_ROWS))) };
}

describe('the format guard reads the formats tried from the load record', () => {
  for (const [n, c] of cases.entries()) {
    it(c.title, async () => {
      const dirs = await prepareCase(clean, join(work, `case-${n}`), (m) =>
        m.edit(c.file, (table) => {
          const i = col(table, c.column);
          for (const row of table.slice(1)) if (row[i] !== undefined) row[i] = c.rewrite(row[i]);
        }),
      );
      const damaged = parseCsv((await readFile(join(dirs.damaged, c.file), 'utf8')).replace(/^\uFEFF/, ''));
      const { present, sampled } = counts(damaged, c.column);
      expect(present).toBeGreaterThan(10);

      const error = await buildWarehouse({ inputs: [dirs.damaged], warehousePath: join(work, `case-${n}`, 'w.duckdb'), agreementPath: join(ROOT, 'agreement.yml') }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(FormatProblemError);
      const problems = (error as FormatProblemError).problems;
      expect(problems).toHaveLength(1);
      const [p] = problems;
      expect(p?.file.endsWith(c.file.split('/')[1] ?? '')).toBe(true);
      expect(p).toMatchObject({
        column: c.column,
        failed: present,
        present,
        expected: c.expected,
        formatsTried: c.formatsTried,
        detection: { detected: c.closest, fitting: 0, sampled },
      });
      expect(p?.example).toMatch(c.example);

      const message = (error as Error).message;
      const thousands = (v: number): string => v.toLocaleString('en-US');
      expect(message).toContain(`column "${c.column}": ${thousands(present)} of ${thousands(present)} values are not ${c.expected}, e.g. "${p?.example}"`);
      expect(message).toContain(`formats tried: ${c.formatsTried.join('; ')}; the closest, ${c.closest}, fits 0 of the ${thousands(sampled)} values sampled`);
    });
  }
});
