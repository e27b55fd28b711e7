import { describe, expect, it } from 'vitest';
import type { MemberMeta } from '../../../lib/cube-meta';
import { drillColumns, drillQuery } from './get-drilldown';

describe('drillQuery', () => {
  const cases = [
    {
      name: 'keeps only groups where the measure counts (its own filter applies)',
      request: { title: 't', measure: 'funnel.won_count', filters: [], timeDimensions: [{ dimension: 'funnel.mql_date', dateRange: ['2026-01-01', '2026-01-31'] as [string, string] }] },
      members: ['funnel.lead_id', 'funnel.full_name'],
      expected: {
        dimensions: ['funnel.lead_id', 'funnel.full_name'],
        measures: ['funnel.won_count'],
        filters: [{ member: 'funnel.won_count', operator: 'gt', values: ['0'] }],
        timeDimensions: [{ dimension: 'funnel.mql_date', dateRange: ['2026-01-01', '2026-01-31'] }],
        limit: 5000,
      },
    },
    {
      name: 'adds the clicked bar and global filters after it',
      request: { title: 't', measure: 'funnel.mql_count', filters: [{ member: 'funnel.channel', operator: 'equals' as const, values: ['Email'] }], timeDimensions: [] },
      members: ['funnel.lead_id'],
      expected: {
        dimensions: ['funnel.lead_id'],
        measures: ['funnel.mql_count'],
        filters: [
          { member: 'funnel.mql_count', operator: 'gt', values: ['0'] },
          { member: 'funnel.channel', operator: 'equals', values: ['Email'] },
        ],
        timeDimensions: [],
        limit: 5000,
      },
    },
  ];
  for (const c of cases) it(c.name, () => expect(drillQuery(c.request, c.members)).toEqual(c.expected));
});

describe('drillColumns', () => {
  const dim = (name: string, shortTitle: string, extra: Partial<MemberMeta> = {}): [string, MemberMeta] => [
    name,
    { name, view: 'funnel', kind: 'dimension', type: 'string', title: shortTitle, shortTitle, description: null, format: 'number', drillMembers: [], values: [], ...extra },
  ];
  const meta = new Map([
    dim('funnel.full_name', 'Name'),
    dim('funnel.company', 'Company'),
    dim('funnel.crm_url', 'CRM record', { isLink: true }),
    dim('funnel.lead_id', 'Lead ID'),
    dim('funnel.mql_date', 'MQL date', { type: 'time' }),
  ]);
  const cases = [
    {
      name: 'the name links to the CRM record; neither the link nor the key is a column',
      members: ['funnel.full_name', 'funnel.company', 'funnel.crm_url', 'funnel.mql_date', 'funnel.lead_id'],
      expected: [
        { key: 'funnel.full_name', title: 'Name', format: 'text', hrefKey: 'funnel.crm_url' },
        { key: 'funnel.company', title: 'Company', format: 'text' },
        { key: 'funnel.mql_date', title: 'MQL date', format: 'timestamp' },
      ],
    },
    {
      name: 'without a name the key stays (the only way to tell leads apart)',
      members: ['funnel.lead_id', 'funnel.company'],
      expected: [
        { key: 'funnel.lead_id', title: 'Lead ID', format: 'text' },
        { key: 'funnel.company', title: 'Company', format: 'text' },
      ],
    },
    {
      name: 'without a link member the name is plain text',
      members: ['funnel.full_name', 'funnel.lead_id'],
      expected: [{ key: 'funnel.full_name', title: 'Name', format: 'text' }],
    },
  ];
  for (const c of cases) it(c.name, () => expect(drillColumns(c.members, meta)).toEqual(c.expected));
});
