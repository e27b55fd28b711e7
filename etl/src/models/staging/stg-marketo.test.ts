import { afterEach, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../db/open-warehouse';
import type { RawDatabase } from '../raw-schema';
import { buildStaging } from './staging-test-support';
import { stgMarketoActivities, stgMarketoLeads } from './stg-marketo';

let open: OpenDatabase<RawDatabase> | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

describe('stg_marketo__leads', () => {
  const base = { id: '5021', email: 'A@X.com', createdAt: '2025-11-02T16:21:07Z' };
  const cases = [
    { name: 'ISO Z → UTC, email normalised', raw: base, expected: { marketo_lead_id: '5021', email: 'a@x.com', created_at: new Date('2025-11-02T16:21:07Z') } },
    { name: 'score and employees with separators', raw: { ...base, leadScore: '1,020', numberOfEmployees: ' 16,728 ' }, expected: { lead_score: 1020, number_of_employees: 16728 } },
    { name: 'mqlDate with an offset', raw: { ...base, mqlDate: '2026-01-05T12:00:00+02:00' }, expected: { mql_at: new Date('2026-01-05T10:00:00Z') } },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const built = await buildStaging(stgMarketoLeads, { marketo__leads: [c.raw] });
      open = built.open;
      const rows = await built.db.selectFrom('stg_marketo__leads').selectAll().execute();
      expect(rows[0]).toMatchObject(c.expected);
    });
  }
});

describe('stg_marketo__activities', () => {
  const act = (guid: string, type: string, o: Record<string, string | null> = {}) => ({
    marketoGUID: guid, leadId: '5021', activityDate: '2026-01-05T10:00:00Z', activityTypeId: type, attributes: '{"New Status":"MQL"}', ...o,
  });
  it('types, keeps attributes only for types the models read, quarantines bad rows and duplicate GUIDs', async () => {
    const built = await buildStaging(stgMarketoActivities, {
      marketo__activities: [
        act('1', '104'),
        act('2', '1', { attributes: '{"Webpage URL":"/"}' }),
        act('3', '104', { activityDate: 'not a date' }),
        act('4', 'x'),
        act('1', '104'), // same GUID again: a copy
        act('5', '23', { leadId: '' }),
      ],
    });
    open = built.open;
    const rows = await built.db.selectFrom('stg_marketo__activities').select(['activity_id', 'activity_type_id', 'activity_at', 'attributes', '_line']).orderBy('activity_id').execute();
    expect(rows).toEqual([
      { activity_id: '1', activity_type_id: 104, activity_at: new Date('2026-01-05T10:00:00Z'), attributes: '{"New Status":"MQL"}', _line: 2 },
      { activity_id: '2', activity_type_id: 1, activity_at: new Date('2026-01-05T10:00:00Z'), attributes: null, _line: 3 },
    ]);
    const rejected = await built.db.selectFrom('stg_marketo__activities__rejected').select(['line', 'column_name', 'reason']).orderBy('line').execute();
    expect(rejected).toEqual([
      { line: 4, column_name: 'activityDate', reason: 'activityDate is not a timestamp: not a date' },
      { line: 5, column_name: 'activityTypeId', reason: 'activityTypeId is not an activity type id: x' },
      { line: 6, column_name: 'marketoGUID', reason: 'duplicate marketoGUID 1; kept marketo__activities.csv:2' },
      { line: 7, column_name: 'leadId', reason: 'missing leadId' },
    ]);
  });

  it('lists a rejected activity with its own raw row, found by file and line (the same line in another file is not it)', async () => {
    const built = await buildStaging(stgMarketoActivities, {
      marketo__activities: {
        'a.csv': [act('11', '104', { activityDate: '05/01/2026' }), act('12', '104')],
        'b.csv': [act('21', '104'), act('22', 'y'), act('23', '2', { leadId: null })],
      },
    });
    open = built.open;
    const rejected = await built.db.selectFrom('stg_marketo__activities__rejected').select(['file', 'line', 'column_name', 'raw_text']).orderBy('file').orderBy('line').execute();
    expect(rejected.map((r) => ({ ...r, raw_text: JSON.parse(String(r.raw_text)) as unknown }))).toEqual([
      { file: 'a.csv', line: 2, column_name: 'activityDate', raw_text: expect.objectContaining({ marketoGUID: '11', activityDate: '05/01/2026', _file: 'a.csv', _line: 2 }) },
      { file: 'b.csv', line: 3, column_name: 'activityTypeId', raw_text: expect.objectContaining({ marketoGUID: '22', activityTypeId: 'y', _file: 'b.csv', _line: 3 }) },
      { file: 'b.csv', line: 4, column_name: 'leadId', raw_text: expect.objectContaining({ marketoGUID: '23', leadId: null, _file: 'b.csv', _line: 4 }) },
    ]);
  });
});
