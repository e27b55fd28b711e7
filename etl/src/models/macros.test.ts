/**
 * The text macros' shortcuts against DuckDB's own trim(), on values built from every Unicode
 * space separator trim() removes, characters it keeps (tab, letters outside ASCII, combining
 * marks, emoji) and printable ASCII at either end; parseNumber against hand-written values.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blankToNull, fullName, isBlank, lowerTrimmed, matchKey, normaliseEmail, parseNumber, trimmed } from './macros';
import { compiledSql } from './test-support';

/** Unicode category Zs, written out here (U+0020, U+00A0, U+1680, U+2000–U+200A, U+202F, U+205F, U+3000). */
const SPACE_SEPARATORS = [0x20, 0xa0, 0x1680, ...Array.from({ length: 11 }, (_, i) => 0x2000 + i), 0x202f, 0x205f, 0x3000].map((c) => String.fromCodePoint(c));
/** Characters trim() keeps, at either end. */
const KEPT = ['a', '~', '!', '\t', '\n', 'é', 'e\u0301', '日', '😀', '\u200b', '\u0600', '\u007f'];
const ENDS = ['', ...SPACE_SEPARATORS, ...KEPT];
// Bodies: blank, ASCII, letters outside ASCII between the ends (the last character is then
// looked at), an address for normaliseEmail, upper case for the lower-cased keys.
const BODIES = ['', 'x', 'Acme GmbH', ' ', '\u3000\u00a0', 'Zoë', 'Ann.Lee@Example.COM', ' a\u00a0b '];

const values: (string | null)[] = [null];
for (const start of ENDS) for (const body of BODIES) for (const end of ENDS) values.push(`${start}${body}${end}`);

let connection: Awaited<ReturnType<DuckDBInstance['connect']>>;

beforeAll(async () => {
  connection = await (await DuckDBInstance.create(':memory:')).connect();
  await connection.run('create table v (i integer, x varchar)');
  const appender = await connection.createAppender('v');
  values.forEach((value, i) => {
    appender.appendInteger(i);
    if (value === null) appender.appendNull();
    else appender.appendVarchar(value);
    appender.endRow();
  });
  appender.closeSync();
});

afterAll(() => connection?.closeSync());

describe('text macros over real DuckDB', () => {
  it(`builds ${values.length} values, each end a space separator, a kept character or printable ASCII`, () => {
    expect(values.length).toBe(1 + ENDS.length * BODIES.length * ENDS.length);
    expect(SPACE_SEPARATORS).toHaveLength(17);
  });

  it.each([
    { name: 'blankToNull is nullif(trim(x), \'\')', macro: compiledSql(blankToNull(sql.ref('x'))), reference: "nullif(trim(x), '')" },
    { name: 'isBlank is nullif(trim(x), \'\') is null', macro: compiledSql(isBlank(sql.ref('x'))), reference: "nullif(trim(x), '') is null" },
    { name: 'trimmed is trim(x)', macro: compiledSql(trimmed(sql.ref('x'))), reference: 'trim(x)' },
    { name: 'lowerTrimmed is lower(trim(x))', macro: compiledSql(lowerTrimmed(sql.ref('x'))), reference: 'lower(trim(x))' },
    { name: 'matchKey is nullif(lower(trim(x)), \'\')', macro: compiledSql(matchKey(sql.ref('x'))), reference: "nullif(lower(trim(x)), '')" },
    { name: 'normaliseEmail keeps lower(trim(x)) when it has an @ after its first character', macro: compiledSql(normaliseEmail(sql.ref('x'))), reference: "case when strpos(lower(trim(x)), '@') > 1 then lower(trim(x)) end" },
  ])('$name for every value', async ({ macro, reference }) => {
    const reader = await connection.runAndReadAll(`select i, x from v where (${macro}) is distinct from (${reference}) order by i`);
    expect(reader.getRowObjectsJson()).toEqual([]);
  });

  it('fullName is nullif(trim(concat_ws(\' \', trim(first), trim(last))), \'\') for every value as first name against every 23rd as last name, and every 23rd against the first 400', async () => {
    const macro = compiledSql(fullName(sql.ref('a.x'), sql.ref('b.x')));
    const reference = "nullif(trim(concat_ws(' ', trim(a.x), trim(b.x))), '')";
    const pairs = `(select (${macro}) as m, ${reference} as r from v a, v b where b.i % 23 = 0 or (a.i % 23 = 0 and b.i < 400))`;
    const reader = await connection.runAndReadAll(`select count(*)::integer as n, count(*) filter (where m is distinct from r)::integer as differ,
      count(*) filter (where r is null)::integer as blank from ${pairs}`);
    const [row] = reader.getRowObjectsJson();
    // Enough pairs, some of them blank, and none where the two differ.
    expect(Number(row?.n)).toBeGreaterThan(200_000);
    expect(Number(row?.blank)).toBeGreaterThan(100);
    expect(Number(row?.differ)).toBe(0);
  });

  it.each([
    { first: ' Ada ', last: 'Lovelace', expected: 'Ada Lovelace' },
    { first: '', last: 'Lovelace', expected: 'Lovelace' },
    { first: 'Ada', last: '\u00a0', expected: 'Ada' },
    { first: '\tAda', last: 'Lovelace', expected: '\tAda Lovelace' },
    { first: ' ', last: null, expected: null },
    { first: null, last: null, expected: null },
  ])('fullName($first, $last) = $expected', async ({ first, last, expected }) => {
    const reader = await connection.runAndReadAll(`select ${compiledSql(fullName(sql.ref('a'), sql.ref('b')))} as y from (select $1::varchar as a, $2::varchar as b)`, [first, last]);
    expect(reader.getRowObjectsJson()[0]?.y ?? null).toBe(expected);
  });

  it.each([
    { value: 'Acme', expected: 'Acme' },
    { value: ' Acme ', expected: 'Acme' },
    { value: '\u00a0Acme\u3000', expected: 'Acme' },
    { value: '\tAcme', expected: '\tAcme' },
    { value: 'Acme\u2003', expected: 'Acme' },
    { value: 'Zoë', expected: 'Zoë' },
    { value: '\u2009', expected: null },
    { value: '', expected: null },
    { value: null, expected: null },
  ])('blankToNull($value) = $expected', async ({ value, expected }) => {
    const reader = await connection.runAndReadAll(`select ${compiledSql(blankToNull(sql.ref('x')))} as y from (select $1::varchar as x)`, [value]);
    expect(reader.getRowObjectsJson()[0]?.y ?? null).toBe(expected);
  });

  // Written by hand: what the person who typed the cell meant, or NULL (quarantined) when a
  // comma cannot be a thousands separator.
  it.each([
    { value: '229800', expected: 229800 },
    { value: ' 53000.5 ', expected: 53000.5 },
    { value: '-146200.00', expected: -146200 },
    { value: '$1,234.50', expected: 1234.5 },
    { value: '1,234,567', expected: 1234567 },
    { value: '1,234,567.89', expected: 1234567.89 },
    { value: '-1,234.50', expected: -1234.5 },
    { value: '1,234 €', expected: 1234 },
    { value: '12,34,567.00', expected: 1234567 },
    { value: '1,23,456', expected: 123456 },
    { value: '1e3', expected: 1000 },
    { value: '€ 12.5', expected: 12.5 },
    { value: '1\u00a0234.5', expected: 1234.5 },
    { value: '1.000,50', expected: null },
    { value: '229.800,00', expected: null },
    { value: '12,5', expected: null },
    { value: '1 234,50', expected: null },
    { value: '1,2345', expected: null },
    { value: '1,234,', expected: null },
    { value: '1234,567', expected: null },
    { value: '0,500', expected: null },
    { value: ',5', expected: null },
    { value: '1,2,3', expected: null },
    { value: '12,5-', expected: null },
    { value: 'n/a', expected: null },
    { value: ' ', expected: null },
    { value: null, expected: null },
  ])('parseNumber($value) = $expected', async ({ value, expected }) => {
    const reader = await connection.runAndReadAll(`select ${compiledSql(parseNumber(sql.ref('x')))} as y from (select $1::varchar as x)`, [value]);
    expect(reader.getRowObjectsJS()[0]?.['y'] ?? null).toBe(expected);
  });
});
