import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvField, csvRow, openCsvFile } from './csv';
import { lit, test } from './duckdb-fixture';

describe('csvField', () => {
  const cases = [
    { input: 'plain', expected: 'plain' },
    { input: '', expected: '' },
    { input: null, expected: '' },
    { input: 12500, expected: '12500' },
    { input: true, expected: 'true' },
    { input: 'Acme, Inc.', expected: '"Acme, Inc."' },
    { input: 'say "hi"', expected: '"say ""hi"""' },
    { input: 'two\nlines', expected: '"two\nlines"' },
    { input: 'cr\r\nlf', expected: '"cr\r\nlf"' },
    { input: ' padded ', expected: '" padded "' },
    { input: '{"New Status":"MQL"}', expected: '"{""New Status"":""MQL""}"' },
    { input: 'Zoë Ødegaard', expected: 'Zoë Ødegaard' },
  ] as const;
  for (const { input, expected } of cases) {
    it(`encodes ${JSON.stringify(input)}`, () => expect(csvField(input)).toBe(expected));
  }
  it('joins a row with commas', () => expect(csvRow(['a', 'b,c', 3])).toBe('a,"b,c",3'));
});

describe('openCsvFile', () => {
  it('tracks the physical line each row starts on', () => {
    const dir = mkdtempSync(join(tmpdir(), 'csv-lines-'));
    const f = openCsvFile(join(dir, 'x.csv'), ['a', 'b']);
    expect(f.nextLine).toBe(2);
    f.row(['1', 'two\nlines']);
    expect(f.nextLine).toBe(4);
    f.row(['3', 'x']);
    expect(f.nextLine).toBe(5);
    f.close();
    expect(readFileSync(join(dir, 'x.csv'), 'utf8')).toBe('a,b\n1,"two\nlines"\n3,x\n');
  });
});

describe('trailing blank line', () => {
  it('ends the file with one empty line when asked', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'csv-blank-')), 'x.csv');
    const f = openCsvFile(path, ['a'], { trailingBlankLine: true, eol: '\r\n' });
    f.row(['1']);
    f.close();
    expect(readFileSync(path, 'utf8')).toBe('a\r\n1\r\n\r\n');
    expect(f.rowCount).toBe(1);
  });
});

describe('round trip through DuckDB read_csv', () => {
  const values: readonly (readonly [string, string, string])[] = [
    ['1', 'Moongrid Health, Inc.', 'plain'],
    ['2', 'He said "no budget"', 'Spoke with Zoë.\nBudget approved, next step demo.'],
    ['3', '{"Acquired By":false,"New Status":"MQL","Old Status":"Engaged"}', ' john.smith@acme.com '],
    ['4', 'O\'Brien & Søn, S.A. de C.V.', 'line1\r\nline2'],
    ['5', ',', '""'],
  ];
  for (const variant of [{ name: 'LF, no BOM', options: {} }, { name: 'CRLF with BOM', options: { bom: true, eol: '\r\n' } as const }]) {
    test(`${variant.name}: every value reads back unchanged`, async ({ db }) => {
      const path = join(mkdtempSync(join(tmpdir(), 'csv-rt-')), 'rt.csv');
      const f = openCsvFile(path, ['id', 'text', 'other'], variant.options);
      for (const v of values) f.row(v);
      f.close();
      const rows = await db.rows(
        `select id, text, other from read_csv(${lit(path)}, header = true, all_varchar = true, quote = '"', escape = '"') order by id::int`,
      );
      expect(rows.map((r) => [r.id, r.text, r.other])).toEqual(values.map((v) => [...v]));
    });
  }
});
