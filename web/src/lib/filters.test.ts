import { describe, expect, it } from 'vitest';
import { comparisonNote, describePeriod, landingPreset, parseFilters, presetRange, resolveFilters, serializeFilters, toCubeFilters, viewFilters } from './filters';
import type { FilterDimension } from './filters';
import { comparisonRange } from './periods';
import type { DatePreset } from './filters';

const none = { channel: [], segment: [], region: [], team: [], owner: [] };

describe('parseFilters', () => {
  const cases = [
    { input: '', expected: { preset: 'last-12-months', from: null, to: null, dims: none, compare: 'previous', rangeChosen: false } },
    { input: 'range=this-month', expected: { preset: 'this-month', from: null, to: null, dims: none, compare: 'previous', rangeChosen: true } },
    { input: 'range=bogus', expected: { preset: 'last-12-months', from: null, to: null, dims: none, compare: 'previous', rangeChosen: false } },
    { input: 'from=2026-01-01&to=2026-03-31', expected: { preset: null, from: '2026-01-01', to: '2026-03-31', dims: none, compare: 'previous', rangeChosen: true } },
    { input: 'from=2026-03-31&to=2026-01-01', expected: { preset: null, from: '2026-01-01', to: '2026-03-31', dims: none, compare: 'previous', rangeChosen: true } },
    { input: 'from=2026-02-30&to=2026-03-31', expected: { preset: 'last-12-months', from: null, to: null, dims: none, compare: 'previous', rangeChosen: false } },
    { input: 'from=2026-01-01', expected: { preset: 'last-12-months', from: null, to: null, dims: none, compare: 'previous', rangeChosen: false } },
    {
      input: 'channel=Paid%20Search&channel=Email&channel=Email&region=EMEA&owner=',
      expected: { preset: 'last-12-months', from: null, to: null, dims: { ...none, channel: ['Email', 'Paid Search'], region: ['EMEA'] }, compare: 'previous', rangeChosen: false },
    },
    { input: 'team=A%2CB%20%26%20C', expected: { preset: 'last-12-months', from: null, to: null, dims: { ...none, team: ['A,B & C'] }, compare: 'previous', rangeChosen: false } },
    { input: 'range=last-12-months&compare=last-year', expected: { preset: 'last-12-months', from: null, to: null, dims: none, compare: 'last-year', rangeChosen: true } },
    { input: 'compare=bogus', expected: { preset: 'last-12-months', from: null, to: null, dims: none, compare: 'previous', rangeChosen: false } },
  ];
  for (const { input, expected } of cases) it(`parses "${input}"`, () => expect(parseFilters(input)).toEqual(expected));
});

describe('serializeFilters', () => {
  const cases = [
    { input: parseFilters(''), base: '', expected: '' },
    { input: parseFilters('range=last-month'), base: '', expected: 'range=last-month' },
    { input: parseFilters('from=2026-01-01&to=2026-01-31&channel=Web&channel=Email'), base: '', expected: 'from=2026-01-01&to=2026-01-31&channel=Email&channel=Web' },
    { input: parseFilters('segment=SMB'), base: 'slide=3&channel=Old&range=all', expected: 'slide=3&segment=SMB' },
    { input: parseFilters('team=A%2CB%20%26%20C'), base: '', expected: 'team=A%2CB+%26+C' },
    { input: parseFilters('range=last-12-months&compare=last-year'), base: 'compare=previous', expected: 'range=last-12-months&compare=last-year' },
    { input: parseFilters('range=this-quarter'), base: 'compare=last-year', expected: 'range=this-quarter' },
  ];
  for (const { input, base, expected } of cases) {
    it(`writes ${expected || '(nothing)'}`, () => expect(serializeFilters(input, new URLSearchParams(base)).toString()).toBe(expected));
  }
  it('round-trips', () => {
    const f = parseFilters('from=2025-12-01&to=2026-02-28&channel=Paid%20Search&owner=Ana%20Li&owner=Bo');
    expect(parseFilters(serializeFilters(f))).toEqual(f);
  });
});

describe('presetRange (as of 2026-03-18)', () => {
  const cases: { preset: DatePreset; expected: readonly [string, string] | null }[] = [
    { preset: 'this-month', expected: ['2026-03-01', '2026-03-31'] },
    { preset: 'last-month', expected: ['2026-02-01', '2026-02-28'] },
    { preset: 'this-quarter', expected: ['2026-01-01', '2026-03-31'] },
    { preset: 'last-12-months', expected: ['2025-04-01', '2026-03-31'] },
    { preset: 'all', expected: null },
  ];
  for (const { preset, expected } of cases) it(preset, () => expect(presetRange(preset, '2026-03-18')).toEqual(expected));
  it('last month across a year boundary', () => expect(presetRange('last-month', '2026-01-05')).toEqual(['2025-12-01', '2025-12-31']));
  it('this quarter in Q4', () => expect(presetRange('this-quarter', '2025-11-30T10:00:00.000')).toEqual(['2025-10-01', '2025-12-31']));
});

describe('comparisonRange of a whole period: the one before it', () => {
  const cases = [
    { input: ['2026-03-01', '2026-03-31'], expected: ['2026-02-01', '2026-02-28'] },
    { input: ['2026-01-01', '2026-03-31'], expected: ['2025-10-01', '2025-12-31'] },
    { input: ['2025-04-01', '2026-03-31'], expected: ['2024-04-01', '2025-03-31'] },
    { input: ['2024-03-01', '2024-03-31'], expected: ['2024-02-01', '2024-02-29'] },
    { input: ['2026-03-10', '2026-03-16'], expected: ['2026-03-03', '2026-03-09'] },
    { input: ['2026-03-01', '2026-03-01'], expected: ['2026-02-28', '2026-02-28'] },
  ] as const;
  for (const { input, expected } of cases) it(`${input.join('..')}`, () => expect(comparisonRange(input, input, 'previous')).toEqual(expected));
});

describe('resolveFilters', () => {
  const cases = [
    { name: 'this month mid-month: to date, against the same days of last month', search: 'range=this-month&region=NA', asOf: '2026-03-18', start: '2025-01-01', expected: { dateRange: ['2026-03-01', '2026-03-18'], previousRange: ['2026-02-01', '2026-02-18'], toDate: true, label: '1 Mar 2026 – 18 Mar 2026 (to date)' } },
    { name: 'this quarter, one month in (the issue: Oct against all of Q3 turned every tile red)', search: 'range=this-quarter', asOf: '2026-10-31', start: '2025-11-01', expected: { dateRange: ['2026-10-01', '2026-10-31'], previousRange: ['2026-07-01', '2026-07-31'], toDate: true, label: '1 Oct 2026 – 31 Oct 2026 (to date)' } },
    { name: 'this quarter against last year, before the data: no change shown', search: 'range=this-quarter&compare=last-year', asOf: '2026-10-31', start: '2025-11-01', expected: { dateRange: ['2026-10-01', '2026-10-31'], previousRange: null, toDate: true, label: '1 Oct 2026 – 31 Oct 2026 (to date)' } },
    { name: 'a custom range whose base starts before the data: no change shown', search: 'from=2025-11-15&to=2026-01-31', asOf: '2026-10-31', start: '2025-11-01', expected: { dateRange: ['2025-11-15', '2026-01-31'], previousRange: null, toDate: false, label: '15 Nov 2025 – 31 Jan 2026' } },
    { name: 'a finished quarter against the previous one', search: 'from=2026-07-01&to=2026-09-30', asOf: '2026-10-31', start: '2025-11-01', expected: { dateRange: ['2026-07-01', '2026-09-30'], previousRange: ['2026-04-01', '2026-06-30'], toDate: false, label: '1 Jul 2026 – 30 Sept 2026' } },
    { name: 'a custom range running past the data is cut too', search: 'from=2026-10-01&to=2026-12-31', asOf: '2026-10-31', start: '2025-11-01', expected: { dateRange: ['2026-10-01', '2026-10-31'], previousRange: ['2026-07-01', '2026-07-31'], toDate: true, label: '1 Oct 2026 – 31 Oct 2026 (to date)' } },
  ] as const;
  for (const c of cases) {
    it(c.name, () => {
      const r = resolveFilters(parseFilters(c.search), c.asOf, {}, c.start);
      expect({ dateRange: r.dateRange, previousRange: r.previousRange, toDate: r.period?.toDate, label: describePeriod(r) }).toEqual(c.expected);
    });
  }
  it('keeps the dimensions', () => {
    expect(resolveFilters(parseFilters('range=this-month&region=NA'), '2026-03-18').dims).toEqual({ ...none, region: ['NA'] });
  });
  it('all time has no range and nothing to compare', () => {
    expect(resolveFilters(parseFilters('range=all'), '2026-03-18')).toEqual({ dateRange: null, previousRange: null, period: null, asOf: '2026-03-18', dims: none, filterMembers: {} });
  });
  it('custom days need no as-of', () => {
    expect(resolveFilters(parseFilters('from=2026-03-10&to=2026-03-16'), null).dateRange).toEqual(['2026-03-10', '2026-03-16']);
  });
});

describe('landingPreset: the landing view opens on a period it can compare', () => {
  const cases = [
    { name: 'two years of data: the last 12 months', data: { asOf: '2026-10-31', start: '2024-09-15' }, expected: 'last-12-months' },
    { name: 'the seeds (Nov 2025 – Oct 2026): quarter to date against the same days of Q3', data: { asOf: '2026-10-31', start: '2025-11-01' }, expected: 'this-quarter' },
    { name: 'one quarter of data, early in the next: this month against last month', data: { asOf: '2026-04-20', start: '2026-02-01' }, expected: 'this-month' },
    { name: 'three weeks of data: nothing to compare, the default', data: { asOf: '2026-03-21', start: '2026-03-01' }, expected: 'last-12-months' },
    { name: 'no data', data: { asOf: null, start: null }, expected: 'last-12-months' },
  ] as const;
  for (const c of cases) it(c.name, () => expect(landingPreset(c.data)).toBe(c.expected));
});

describe('comparisonNote', () => {
  const data = { asOf: '2026-10-31', start: '2025-11-01' };
  const cases = [
    { search: 'range=this-quarter', expected: { kind: 'compared', text: '1 Jul 2026 – 31 Jul 2026, the same days of the previous quarter' } },
    { search: 'range=this-quarter&compare=last-year', expected: { kind: 'not-shown', text: 'No change shown: the same days of the same quarter last year (1 Oct 2025 – 31 Oct 2025) is before the data starts.' } },
    { search: 'from=2025-11-15&to=2026-01-31', expected: { kind: 'not-shown', text: 'No change shown: the previous period (29 Aug 2025 – 14 Nov 2025) starts before the data does.' } },
    { search: 'range=all', expected: null },
  ] as const;
  for (const c of cases) it(c.search, () => expect(comparisonNote(resolveFilters(parseFilters(c.search), data.asOf, {}, data.start))).toEqual(c.expected));
});

describe('toCubeFilters', () => {
  const members = { channel: 'funnel.channel', team: 'funnel.team' };
  it('maps supported dimensions and reports the rest', () => {
    expect(toCubeFilters({ ...none, channel: ['Email'], team: ['East'], region: ['NA'] }, members)).toEqual({
      filters: [
        { member: 'funnel.channel', operator: 'equals', values: ['Email'] },
        { member: 'funnel.team', operator: 'equals', values: ['East'] },
      ],
      unsupported: ['region'],
    });
  });
  it('no filters when nothing is selected', () => expect(toCubeFilters(none, members)).toEqual({ filters: [], unsupported: [] }));
});

describe('viewFilters: the dashboard filters on one view, by the view meta from /meta', () => {
  // As the model's views say (model/views/*.yml `meta.filters`).
  const filterMembers = {
    funnel: { channel: 'funnel.channel', segment: 'funnel.segment', region: 'funnel.region', team: 'funnel.team', owner: 'funnel.owner' },
    leakage: { channel: 'leakage.channel', region: 'leakage.region', team: 'leakage.team', owner: 'leakage.owner' },
    marketing_sla: { segment: 'marketing_sla.segment' },
    quarantine: {},
  };
  const resolved = (dims: Partial<Record<FilterDimension, readonly string[]>>) => resolveFilters({ ...parseFilters('range=all'), dims: { ...none, ...dims } }, null, filterMembers);
  const cases = [
    { name: 'funnel takes every filter', view: 'funnel', dims: { segment: ['SMB'], owner: ['Ann'] }, expected: { filters: [{ member: 'funnel.segment', operator: 'equals', values: ['SMB'] }, { member: 'funnel.owner', operator: 'equals', values: ['Ann'] }], unsupported: [] } },
    { name: 'leaks carry no segment', view: 'leakage', dims: { segment: ['SMB'], region: ['NA'] }, expected: { filters: [{ member: 'leakage.region', operator: 'equals', values: ['NA'] }], unsupported: ['segment'] } },
    { name: 'marketing targets take segment only', view: 'marketing_sla', dims: { channel: ['Email'], segment: ['SMB', 'Enterprise'] }, expected: { filters: [{ member: 'marketing_sla.segment', operator: 'equals', values: ['SMB', 'Enterprise'] }], unsupported: ['channel'] } },
    { name: 'the quarantine takes none', view: 'quarantine', dims: { team: ['East'] }, expected: { filters: [], unsupported: ['team'] } },
    { name: 'a view meta does not know applies no filter and says so', view: 'nowhere', dims: { channel: ['Email'] }, expected: { filters: [], unsupported: ['channel'] } },
    { name: 'nothing selected, nothing to filter', view: 'funnel', dims: {}, expected: { filters: [], unsupported: [] } },
  ] as const;
  for (const { name, view, dims, expected } of cases) it(name, () => expect(viewFilters(resolved(dims), view)).toEqual(expected));
});
