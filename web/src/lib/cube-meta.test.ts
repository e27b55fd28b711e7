import { describe, expect, it } from 'vitest';
import type { Cube } from '@cubejs-client/core';
import { indexMeta, measureValue, memberFormat, memberTitle, valueLabel } from './cube-meta';

// A fragment of /meta as Cube serves the model's views (shape from @cubejs-client/core's `Cube`).
function view(partial: Partial<Cube> & Pick<Cube, 'name'>): Cube {
  return { title: partial.name, measures: [], dimensions: [], segments: [], folders: [], nestedFolders: [], hierarchies: [], type: 'view', public: true, ...partial } as Cube;
}
const dim = (name: string, type: 'string' | 'time' | 'number', extra: Record<string, unknown> = {}) =>
  ({ name, title: name, shortTitle: name.split('.')[1], type, ...extra }) as unknown as Cube['dimensions'][number];
const measure = (name: string, format: string | undefined, aggType: string, extra: Record<string, unknown> = {}) =>
  ({ name, title: name, shortTitle: name.split('.')[1], type: 'number', format, aggType, ...extra }) as unknown as Cube['measures'][number];

const funnel = view({
  name: 'funnel',
  title: 'Lead funnel',
  meta: { filters: { channel: 'channel', segment: 'segment' }, time_dimension: 'mql_date', funnel_stages: [{ measure: 'mql_count', label: 'MQL' }, { measure: 'won_count', label: 'Won' }] },
  dimensions: [
    dim('funnel.channel', 'string'),
    dim('funnel.segment', 'string'),
    dim('funnel.mql_date', 'time'),
    dim('funnel.stage', 'string', { meta: { values: [{ value: 'mql', label: 'MQL' }, { value: 'sal', label: 'SAL' }] } }),
  ],
  measures: [
    measure('funnel.mql_count', 'number', 'count', { description: 'Leads that became MQLs.', drillMembers: ['funnel.channel'] }),
    measure('funnel.won_count', 'number', 'count'),
    measure('funnel.close_rate', 'percent', 'number', { meta: { numerator: 'Won', denominator: 'Won + Lost' } }),
    measure('funnel.won_amount', 'currency', 'sum'),
  ],
});

describe('indexMeta: what the dashboard reads from the model', () => {
  const meta = indexMeta([funnel, view({ name: 'freshness', dimensions: [dim('freshness.as_of', 'time')] })]);
  const cases = [
    { name: 'view filters, qualified', actual: meta.views.get('funnel')?.filterMembers, expected: { channel: 'funnel.channel', segment: 'funnel.segment' } },
    { name: 'a view with no filter meta takes none', actual: meta.views.get('freshness')?.filterMembers, expected: {} },
    { name: 'time dimension', actual: meta.views.get('funnel')?.timeDimension, expected: 'funnel.mql_date' },
    { name: 'no time dimension', actual: meta.views.get('freshness')?.timeDimension, expected: null },
    { name: 'funnel stages in order', actual: meta.views.get('funnel')?.funnelStages, expected: [{ measure: 'funnel.mql_count', label: 'MQL' }, { measure: 'funnel.won_count', label: 'Won' }] },
    { name: 'stage labels in order', actual: meta.members.get('funnel.stage')?.values.map((v) => v.label), expected: ['MQL', 'SAL'] },
    { name: 'value label', actual: valueLabel(meta, 'funnel.stage', 'sal'), expected: 'SAL' },
    { name: 'unknown value keeps its name', actual: valueLabel(meta, 'funnel.stage', 'custom'), expected: 'custom' },
    { name: 'count → integer', actual: memberFormat(meta, 'funnel.mql_count', 'number'), expected: 'integer' },
    { name: 'percent', actual: memberFormat(meta, 'funnel.close_rate', 'number'), expected: 'percent' },
    { name: 'currency', actual: memberFormat(meta, 'funnel.won_amount', 'number'), expected: 'currency' },
    { name: 'title (short)', actual: memberTitle(meta, 'funnel.won_count', '?'), expected: 'won_count' },
    { name: 'title fallback while meta loads', actual: memberTitle(undefined, 'funnel.won_count', 'Won'), expected: 'Won' },
    { name: 'description', actual: meta.members.get('funnel.mql_count')?.description, expected: 'Leads that became MQLs.' },
    { name: 'a rate says what it divides', actual: meta.members.get('funnel.close_rate')?.ratio, expected: { numerator: 'Won', denominator: 'Won + Lost' } },
    { name: 'a count divides nothing', actual: meta.members.get('funnel.won_count')?.ratio, expected: null },
    { name: 'member knows its view', actual: meta.members.get('freshness.as_of')?.view, expected: 'freshness' },
    { name: 'view measures', actual: meta.views.get('funnel')?.measures, expected: ['funnel.mql_count', 'funnel.won_count', 'funnel.close_rate', 'funnel.won_amount'] },
    { name: 'a missing sum is 0', actual: measureValue(meta, 'funnel.won_amount', null), expected: 0 },
    { name: 'a missing count is 0', actual: measureValue(meta, 'funnel.won_count', null), expected: 0 },
    { name: 'a missing rate stays unknown', actual: measureValue(meta, 'funnel.close_rate', null), expected: null },
    { name: 'a member the model does not have stays unknown', actual: measureValue(meta, 'funnel.nothing', null), expected: null },
    { name: 'nothing is 0 before /meta loads', actual: measureValue(undefined, 'funnel.won_count', null), expected: null },
    { name: 'a value is kept', actual: measureValue(meta, 'funnel.won_amount', 354_200), expected: 354_200 },
  ];
  for (const { name, actual, expected } of cases) it(name, () => expect(actual).toEqual(expected));

  it('a rate with a numerator and no denominator is a model error that says what to fix', () => {
    const broken = view({ name: 'funnel', measures: [measure('funnel.close_rate', 'percent', 'number', { meta: { numerator: 'Won' } })] });
    expect(() => indexMeta([broken])).toThrow('model meta of funnel.close_rate: expected `numerator` and `denominator` both');
  });

  it('leaves out non-public cubes', () => {
    expect(indexMeta([view({ name: 'leads', public: false, dimensions: [dim('leads.channel', 'string')] })]).views.size).toBe(0);
  });

  const bad = [
    { name: 'unknown filter key', meta: { filters: { country: 'channel' } }, error: 'filters` keys among channel, segment, region, team, owner (got "country")' },
    { name: 'filter on a member the view lacks', meta: { filters: { region: 'region' } }, error: '`filters.region` to name one of its dimensions (got "region")' },
    { name: 'funnel stages not a list', meta: { funnel_stages: 'mql_count' }, error: '`funnel_stages` to be a list' },
  ];
  for (const { name, meta: m, error } of bad) {
    it(`says what to fix in model/: ${name}`, () => {
      expect(() => indexMeta([{ ...funnel, meta: m }])).toThrow(error);
      expect(() => indexMeta([{ ...funnel, meta: m }])).toThrow('view funnel');
    });
  }
});
