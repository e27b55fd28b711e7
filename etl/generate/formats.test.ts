import { describe, expect, it } from 'vitest';
import { mulberry32 } from './prng';
import { caseSafeSuffix, salesforceId } from './salesforce-id';
import { hubspotIsoOffset, hubspotLocal, marketoDateTime, salesforceDate, salesforceDateTime } from './timestamps';

describe('Salesforce case-safe suffix (hand-computed)', () => {
  const cases = [
    // chunk "00QHs": Q (bit 2) + H (bit 3) = 12 → M; "00000" → A; "00000" → A
    { id15: '00QHs0000000000', expected: 'MAA' },
    // "AAAAA" → 31 → 5; "aBcDe" → bits 1,3 = 10 → K; "zzzzZ" → bit 4 = 16 → Q
    { id15: 'AAAAAaBcDezzzzZ', expected: '5KQ' },
  ];
  for (const { id15, expected } of cases) it(id15, () => expect(caseSafeSuffix(id15)).toBe(expected));

  it('makes 18-char ids with the key prefix', () => {
    const id = salesforceId('00Q', 0);
    expect(id).toBe('00QHs0000000000MAA');
    // 61 = "z" in base 62; "006Hs": H (bit 3) = 8 → I
    expect(salesforceId('006', 61)).toBe('006Hs000000000zIAA');
  });
});

describe('timestamp formats', () => {
  const cases = [
    { utc: '2026-03-04T15:22:10Z', fn: salesforceDateTime, expected: '2026-03-04T15:22:10.000+0000' },
    { utc: '2026-03-04T15:22:10Z', fn: salesforceDate, expected: '2026-03-04' },
    { utc: '2026-03-04T15:22:10Z', fn: marketoDateTime, expected: '2026-03-04T15:22:10Z' },
    // New York: EST (UTC-5) in winter
    { utc: '2026-03-04T15:22:10Z', fn: hubspotLocal, expected: '2026-03-04 10:22' },
    { utc: '2026-03-04T15:22:10Z', fn: hubspotIsoOffset, expected: '2026-03-04T10:22:10-05:00' },
    // DST starts 2026-03-08 02:00 local (07:00Z)
    { utc: '2026-03-08T06:59:59Z', fn: hubspotIsoOffset, expected: '2026-03-08T01:59:59-05:00' },
    { utc: '2026-03-08T07:00:00Z', fn: hubspotIsoOffset, expected: '2026-03-08T03:00:00-04:00' },
    // DST ends 2025-11-02 02:00 local (06:00Z): 01:xx happens twice
    { utc: '2025-11-02T05:30:00Z', fn: hubspotLocal, expected: '2025-11-02 01:30' },
    { utc: '2025-11-02T06:30:00Z', fn: hubspotLocal, expected: '2025-11-02 01:30' },
    { utc: '2026-07-01T03:05:00Z', fn: hubspotLocal, expected: '2026-06-30 23:05' },
  ];
  for (const { utc, fn, expected } of cases) {
    it(`${fn.name}(${utc}) = ${expected}`, () => expect(fn(Date.parse(utc))).toBe(expected));
  }
});

describe('mulberry32', () => {
  it('is a pure function of the seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const xs = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(xs);
    expect(c()).not.toBe(xs[0]);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });
});
