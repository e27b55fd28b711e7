import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';
import type { CsvValue } from './csv';

describe('csvCell', () => {
  const cases: { input: CsvValue; expected: string }[] = [
    { input: 'plain', expected: 'plain' },
    { input: 'a,b', expected: '"a,b"' },
    { input: 'say "hi"', expected: '"say ""hi"""' },
    { input: 'line1\nline2', expected: '"line1\nline2"' },
    { input: 12.5, expected: '12.5' },
    { input: -3, expected: '-3' },
    { input: '-3', expected: '-3' },
    { input: '=HYPERLINK("x")', expected: '"\'=HYPERLINK(""x"")"' },
    { input: '@SUM(A1)', expected: "'@SUM(A1)" },
    { input: null, expected: '' },
    { input: undefined, expected: '' },
    { input: true, expected: 'true' },
    { input: Number.POSITIVE_INFINITY, expected: '' },
  ];
  for (const { input, expected } of cases) it(`${JSON.stringify(input)}`, () => expect(csvCell(input)).toBe(expected));
});

describe('toCsv', () => {
  it('writes a header of titles and one CRLF line per row, in column order', () => {
    const csv = toCsv(
      [
        { key: 'funnel.channel', title: 'Channel' },
        { key: 'funnel.mql_count', title: 'MQLs' },
        { key: 'funnel.acceptance_rate', title: 'Acceptance, %' },
      ],
      [
        { 'funnel.channel': 'Paid Search', 'funnel.mql_count': '120', 'funnel.acceptance_rate': 0.5 },
        { 'funnel.channel': 'Events, "Summit"', 'funnel.mql_count': 7, 'funnel.acceptance_rate': null },
      ],
    );
    expect(csv).toBe('Channel,MQLs,"Acceptance, %"\r\nPaid Search,120,0.5\r\n"Events, ""Summit""",7,\r\n');
  });
  it('header only for no rows', () => expect(toCsv([{ key: 'a', title: 'A' }], [])).toBe('A\r\n'));
});
