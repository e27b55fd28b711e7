import { describe, expect, it } from 'vitest';
import type { MemberMeta, MetaIndex } from '../../../lib/cube-meta';
import { slideNotes } from './slide-notes';

function member(name: string, title: string, description: string | null): [string, MemberMeta] {
  return [name, { name, view: 'funnel', kind: 'measure', type: 'number', title: `Lead funnel ${title}`, shortTitle: title, description, format: 'number', drillMembers: [], values: [] }];
}

const meta: MetaIndex = new Map([
  member('funnel.mql_count', 'MQLs', 'Leads that became marketing-qualified in the period.'),
  member('funnel.close_rate', 'Close rate', 'Won ÷ closed opportunities.'),
  member('funnel.sql_count', 'SQLs', null),
  member('funnel.mql_count_again', 'MQLs (copy)', 'Leads that became marketing-qualified in the period.'),
]);

describe('slideNotes', () => {
  const cases = [
    { name: 'note first, then described members in order', slide: { note: 'The funnel.', members: ['funnel.close_rate', 'funnel.mql_count'] }, expected: [{ title: null, text: 'The funnel.' }, { title: 'Close rate', text: 'Won ÷ closed opportunities.' }, { title: 'MQLs', text: 'Leads that became marketing-qualified in the period.' }] },
    { name: 'members without a description and unknown members are left out', slide: { members: ['funnel.sql_count', 'funnel.nope'] }, expected: [] },
    { name: 'the same description once', slide: { members: ['funnel.mql_count', 'funnel.mql_count_again'] }, expected: [{ title: 'MQLs', text: 'Leads that became marketing-qualified in the period.' }] },
    { name: 'before /meta loads: the note alone', slide: { note: 'Agenda.', members: ['funnel.mql_count'] }, meta: undefined, expected: [{ title: null, text: 'Agenda.' }] },
  ];
  for (const c of cases) it(c.name, () => expect(slideNotes(c.slide, 'meta' in c ? c.meta : meta)).toEqual(c.expected));
});
