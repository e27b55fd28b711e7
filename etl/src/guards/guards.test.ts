import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { parseAgreement } from '../agreement/load-agreement';
import { REFUSED_SUFFIX } from '../models/staging/staging-model';
import { findFormatProblems } from './check-format-problems';
import { volumeDrops } from './check-volume-drop';
import { describeStagingCasts } from './formats-tried';
import { DEFAULT_QUARANTINE, exceeds, parseThreshold, rulesFor } from './threshold';

describe('quarantine conditions (dbt warn_if / error_if)', () => {
  const cases: { text: unknown; quarantined: number; read: number; minRows?: number; meets: boolean | 'invalid' }[] = [
    { text: '> 0', quarantined: 1, read: 1000, meets: true },
    { text: '> 0', quarantined: 0, read: 1000, meets: false },
    { text: '>= 50', quarantined: 50, read: 1000, meets: true },
    { text: '>50', quarantined: 50, read: 1000, meets: false },
    { text: 10, quarantined: 11, read: 1000, meets: true },
    { text: '> 5%', quarantined: 50, read: 1000, meets: false },
    { text: '> 5%', quarantined: 51, read: 1000, meets: true },
    { text: '>= 5%', quarantined: 50, read: 1000, meets: true },
    { text: '> 5%', quarantined: 1, read: 7, minRows: 100, meets: false },
    { text: '> 5%', quarantined: 1, read: 7, minRows: 0, meets: true },
    { text: '> 0', quarantined: 1, read: 7, minRows: 100, meets: true },
    { text: '> 0.5%', quarantined: 6, read: 1000, meets: true },
    { text: '5%', quarantined: 0, read: 0, meets: 'invalid' },
    { text: '< 5', quarantined: 0, read: 0, meets: 'invalid' },
    { text: '> 150%', quarantined: 0, read: 0, meets: 'invalid' },
    { text: 'lots', quarantined: 0, read: 0, meets: 'invalid' },
  ];
  for (const c of cases) {
    it(`${JSON.stringify(c.text)} with ${c.quarantined} of ${c.read} (min rows ${c.minRows ?? 0}): ${String(c.meets)}`, () => {
      const t = parseThreshold(c.text);
      if (c.meets === 'invalid') return expect(t).toBeUndefined();
      expect(t).toBeDefined();
      expect(exceeds(t as NonNullable<typeof t>, c.quarantined, c.read, c.minRows)).toBe(c.meets);
    });
  }
});

const base = 'version: 1\n';

describe('agreement.yml quarantine:', () => {
  it('defaults: warn on any quarantined row, stop above 5% of a file of 100 rows or more', () => {
    const a = parseAgreement(base);
    expect(a.quarantine).toEqual(DEFAULT_QUARANTINE);
    expect(rulesFor(DEFAULT_QUARANTINE, 'salesforce__lead')).toMatchObject({ warnIf: { text: '> 0' }, errorIf: { text: '> 5%' } });
  });

  it('overrides per export, and null turns a condition off', () => {
    const a = parseAgreement(`${base}quarantine:\n  error_if: "> 10%"\n  percent_min_rows: 20\n  exports:\n    salesforce__task:\n      error_if: null\n      warn_if: "> 100"\n`);
    const q = a.quarantine ?? DEFAULT_QUARANTINE;
    expect(q.percentMinRows).toBe(20);
    expect(rulesFor(q, 'salesforce__lead')).toMatchObject({ warnIf: { text: '> 0' }, errorIf: { text: '> 10%' } });
    expect(rulesFor(q, 'salesforce__task')).toMatchObject({ warnIf: { text: '> 100' }, errorIf: null });
  });

  const invalid: { yaml: string; message: RegExp }[] = [
    { yaml: 'quarantine:\n  error_if: "lots"\n', message: /^agreement\.yml:3:13: "quarantine\.error_if": expected a condition such as "> 0".*\(found "lots"\)/ },
    { yaml: 'quarantine:\n  exports:\n    salesforce__leads:\n      error_if: "> 1%"\n', message: /^agreement\.yml:4:5: "quarantine\.exports\.salesforce__leads": expected one of the keys salesforce__lead, / },
    { yaml: 'quarantine:\n  fail_if: "> 1"\n', message: /^agreement\.yml:3:3: "quarantine\.fail_if": expected one of the keys warn_if, error_if/ },
    { yaml: 'quarantine:\n  percent_min_rows: -1\n', message: /^agreement\.yml:3:21: "quarantine\.percent_min_rows": expected a whole number of rows, 0 or more \(found -1\)/ },
  ];
  for (const c of invalid) {
    it(`refuses ${JSON.stringify(c.yaml)}`, () => {
      expect(() => parseAgreement(`${base}${c.yaml}`)).toThrow(c.message);
    });
  }
});

describe('volume drop against the previous warehouse', () => {
  const previous = { leads: 1000, mqls: 400, sqls: 100, wonAmount: 50_000 };
  const cases = [
    { next: previous, drops: [] },
    { next: { ...previous, leads: 750 }, drops: [] }, // exactly 25%: allowed
    { next: { ...previous, leads: 749 }, drops: ['leads'] },
    { next: { ...previous, sqls: 0, wonAmount: 0 }, drops: ['SQLs', 'won amount'] },
    { next: { leads: 5000, mqls: 4000, sqls: 1000, wonAmount: 1e6 }, drops: [] }, // growth is never a drop
  ];
  for (const c of cases) {
    it(`${JSON.stringify(c.next)} → ${c.drops.join(', ') || 'no drop'}`, () => {
      expect(volumeDrops(previous, c.next).map((d) => d.measure)).toEqual(c.drops);
    });
  }
  it('an empty previous warehouse never counts as a drop', () => {
    expect(volumeDrops({ leads: 0, mqls: 0, sqls: 0, wonAmount: 0 }, { leads: 0, mqls: 0, sqls: 0, wonAmount: 0 })).toEqual([]);
  });
});

describe('formats tried for a column the loader does not detect', () => {
  it('names what the staging casts accept (typed columns: the load record, test/etl/format-problems.test.ts)', () => {
    expect(describeStagingCasts({ format: 'salesforce__lead', column: 'CreatedDate', expected: 'a timestamp' }).join('; ')).toMatch(/ISO 8601/);
    expect(describeStagingCasts({ format: 'hubspot__contacts', column: 'Create Date', expected: 'a date and time' }).join('; ')).toMatch(/M\/D\/YYYY/);
    expect(describeStagingCasts({ format: 'salesforce__opportunity', column: 'Amount', expected: 'a number' }).join('; ')).toMatch(/decimal mark/);
  });
});

describe('format guard: which rejects count as values that did not parse', () => {
  // Six records of one file, each with a Probability, each listed in rejected_rows with `reason`.
  const cases = [
    { title: 'six values that are not numbers: a format problem', reason: 'Probability is not a number: high', problems: 1 },
    { title: 'six refused values, records kept: none', reason: `Probability is not between 0 and 100: 250${REFUSED_SUFFIX}`, problems: 0 },
  ];
  for (const c of cases) {
    it(c.title, async () => {
      const instance = await DuckDBInstance.create(':memory:');
      const connection = await instance.connect();
      try {
        await connection.run(`create schema raw;
          create table raw._load_columns (file varchar, format varchar, column_name varchar, formats_tried varchar[], detected varchar,
            decided_by varchar, unfit_example varchar, values_sampled bigint, values_fitting bigint);
          create table raw.salesforce__opportunity as select 'o.csv' as _file, '250' as "Probability", range + 2 as _line from range(6);
          create table main.rejected_rows as select 'o.csv' as file, 'salesforce__opportunity' as format, 'Probability' as column_name,
            '${c.reason.replaceAll("'", "''")}' as reason, '{"Probability": "250"}' as raw_text, range + 2 as line from range(6)`);
        const problems = await findFormatProblems(connection, () => []);
        expect(problems.map((p) => [p.column, p.failed, p.present])).toEqual(c.problems ? [['Probability', 6, 6]] : []);
      } finally {
        connection.closeSync();
        instance.closeSync();
      }
    });
  }
});
