import { describe, expect, it } from 'vitest';
import { formatDelta, formatFromMeta, formatPeriod, formatTimestamp, formatValue, toNumber } from './format';
import type { ValueFormat } from './format';

describe('toNumber', () => {
  const cases = [
    { input: '42', expected: 42 },
    { input: '0.375', expected: 0.375 },
    { input: 7, expected: 7 },
    { input: null, expected: null },
    { input: '', expected: null },
    { input: 'abc', expected: null },
    { input: undefined, expected: null },
  ];
  for (const { input, expected } of cases) it(`${String(input)} → ${String(expected)}`, () => expect(toNumber(input)).toBe(expected));
});

describe('formatValue', () => {
  const cases: { value: number | null; format: ValueFormat; compact?: boolean; expected: string }[] = [
    { value: 0.375, format: 'percent', expected: '37.5%' },
    { value: 1, format: 'percent', expected: '100.0%' },
    { value: 0, format: 'percent', expected: '0.0%' },
    { value: 1234567.4, format: 'currency', expected: '$1,234,567' },
    { value: 1234567.4, format: 'currency', compact: true, expected: '$1.2M' },
    { value: 12345, format: 'integer', expected: '12,345' },
    { value: 12345, format: 'integer', compact: true, expected: '12.3K' },
    { value: 3.14159, format: 'number', expected: '3.14' },
    { value: 2.25, format: 'days', expected: '2.3 d' },
    { value: 30.04, format: 'hours', expected: '30 h' },
    { value: null, format: 'percent', expected: '—' },
    { value: Number.NaN, format: 'integer', expected: '—' },
  ];
  for (const c of cases) {
    it(`${String(c.value)} as ${c.format}${c.compact ? ' (compact)' : ''}`, () => expect(formatValue(c.value, c.format, { compact: c.compact ?? false })).toBe(c.expected));
  }
});

describe('formatFromMeta', () => {
  const cases = [
    { meta: { format: 'percent', aggType: 'number' }, expected: 'percent' },
    { meta: { format: 'currency', aggType: 'sum' }, expected: 'currency' },
    { meta: { format: 'number', aggType: 'count' }, expected: 'integer' },
    { meta: { aggType: 'avg' }, expected: 'number' },
    { meta: undefined, expected: 'number' },
    { meta: { format: 'percent_1', aggType: 'number' }, expected: 'percent' },
    { meta: { format: 'number_0', aggType: 'sum' }, expected: 'integer' },
    { meta: { format: 'currency_0', aggType: 'sum' }, expected: 'currency' },
    { meta: { format: 'number_1', aggType: 'number', meta: { unit: 'hours' } }, expected: 'hours' },
    { meta: { format: 'number_1', aggType: 'avg', meta: { unit: 'days' } }, expected: 'days' },
    { meta: { format: 'number_1', aggType: 'number', meta: { unit: 'parsecs' } }, expected: 'number' },
  ] as const;
  for (const { meta, expected } of cases) it(`${JSON.stringify(meta)} → ${expected}`, () => expect(formatFromMeta(meta)).toBe(expected));
});

describe('formatDelta', () => {
  const cases: { current: number | null; previous: number | null; format: ValueFormat; expected: { text: string; direction: string | null } }[] = [
    { current: 0.42, previous: 0.4, format: 'percent', expected: { text: '+2.0 pp', direction: 'up' } },
    { current: 0.38, previous: 0.4, format: 'percent', expected: { text: '−2.0 pp', direction: 'down' } },
    { current: 0.4, previous: 0.4, format: 'percent', expected: { text: '±0.0 pp', direction: 'flat' } },
    { current: 150, previous: 120, format: 'integer', expected: { text: '+25.0%', direction: 'up' } },
    { current: 90, previous: 120, format: 'integer', expected: { text: '−25.0%', direction: 'down' } },
    { current: 5, previous: 0, format: 'integer', expected: { text: 'new', direction: 'up' } },
    { current: 0, previous: 0, format: 'currency', expected: { text: '±0%', direction: 'flat' } },
    { current: 10, previous: null, format: 'integer', expected: { text: 'no previous data', direction: null } },
  ];
  for (const c of cases) it(`${c.current} vs ${c.previous} (${c.format})`, () => expect(formatDelta(c.current, c.previous, c.format)).toEqual(c.expected));
});

describe('formatPeriod', () => {
  const cases = [
    { value: '2026-03-01T00:00:00.000', granularity: 'month', expected: 'Mar 2026' },
    { value: '2026-03-02T00:00:00.000', granularity: 'week', expected: 'Wk 2 Mar 2026' },
    { value: '2026-11-01', granularity: 'quarter', expected: 'Q4 2026' },
    { value: '2026-03-05', granularity: 'day', expected: '5 Mar 2026' },
    { value: '2026-03-05', granularity: 'year', expected: '2026' },
    { value: null, granularity: 'month', expected: '—' },
  ] as const;
  for (const c of cases) it(`${c.value} by ${c.granularity}`, () => expect(formatPeriod(c.value, c.granularity)).toBe(c.expected));
});

describe('formatTimestamp', () => {
  const cases = [
    { value: '2026-03-05T14:05:33.000', expected: '2026-03-05 14:05' },
    { value: '2026-03-05T00:00:00.000', expected: '2026-03-05' },
    { value: null, expected: '—' },
  ];
  for (const c of cases) it(String(c.value), () => expect(formatTimestamp(c.value)).toBe(c.expected));
});
