import { describe, expect, it } from 'vitest';
import type { FilterDimension } from './filters';
import { parseFilters, presetRange, previousRange, resolveFilters, serializeFilters, toCubeFilters, viewFilters } from './filters';
import type { DatePreset } from './filters';

const none = { channel: [], segment: [], region: [], team: [], owner: [] };

describe('parseFilters', () => {
  const cases = [
    { input: '', expected: { preset: 'last-12-months', from: null, to: null, dims: none } },
    { input: 'range=this-month', expected: { preset: 'this-month', from: null, to: null, dims: none } },
    { input: 'range=bogus', expected: { preset: 'last-12-months', from: null, to: null, dims: none } },
    { input: 'from=2026-01-01&to=2026-03-31', expected: { preset: null, from: '2026-01-01', to: '2026-03-31', dims: none } },
    { input: 'from=2026-03-31&to=2026-01-01', expected: { preset: null, from: '2026-01-01', to: '2026-03-31', dims: none } },
    { input: 'from=2026-02-30&to=2026-03-31', expected: { preset: 'last-12-months', from: null, to: null, dims: none } },
    { input: 'from=2026-01-01', expected: { preset: 'last-12-months', from: null, to: null, dims: none } },
    {
      input: 'channel=Paid%20Search&channel=Email&channel=Email&region=EMEA&owner=',
      expected: { preset: 'last-12-months', from: null, to: null, dims: { ...none, channel: ['Email', 'Paid Search'], region: ['EMEA'] } },
    },
    { input: 'team=A%2CB%20%26%20C', expected: { preset: 'last-12-months', from: null, to: null, dims: { ...none, team: ['A,B & C'] } } },
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

describe('previousRange', () => {
  const cases = [
    { input: ['2026-03-01', '2026-03-31'], expected: ['2026-02-01', '2026-02-28'] },
    { input: ['2026-01-01', '2026-03-31'], expected: ['2025-10-01', '2025-12-31'] },
    { input: ['2025-04-01', '2026-03-31'], expected: ['2024-04-01', '2025-03-31'] },
    { input: ['2024-03-01', '2024-03-31'], expected: ['2024-02-01', '2024-02-29'] },
    { input: ['2026-03-10', '2026-03-16'], expected: ['2026-03-03', '2026-03-09'] },
    { input: ['2026-03-01', '2026-03-01'], expected: ['2026-02-28', '2026-02-28'] },
  ] as const;
  for (const { input, expected } of cases) it(`${input.join('..')}`, () => expect(previousRange(input)).toEqual(expected));
});

describe('resolveFilters', () => {
  it('resolves a preset against the as-of day', () => {
    const r = resolveFilters(parseFilters('range=this-month&region=NA'), '2026-03-18');
    expect(r).toEqual({ dateRange: ['2026-03-01', '2026-03-31'], previousRange: ['2026-02-01', '2026-02-28'], dims: { ...none, region: ['NA'] }, filterMembers: {} });
  });
  it('all time has no range and nothing to compare', () => {
    expect(resolveFilters(parseFilters('range=all'), '2026-03-18')).toEqual({ dateRange: null, previousRange: null, dims: none, filterMembers: {} });
  });
  it('custom days need no as-of', () => {
    expect(resolveFilters(parseFilters('from=2026-03-10&to=2026-03-16'), null).dateRange).toEqual(['2026-03-10', '2026-03-16']);
  });
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
