import { describe, expect, it } from 'vitest';
import { HUBSPOT_HEADERS, MARKETO_HEADERS, SALESFORCE_HEADERS } from '../../generate/headers';
import { formats } from '../formats/index';
import { physicalLines } from './load-file';
import { detectFormat, normaliseHeader } from './match-header';
import { inspectHead } from './read-head';

describe('detectFormat', () => {
  // Real-shaped headers: the sample generator's, other export tools' variants, and near misses.
  const cases: { name: string; header: readonly string[]; kind: string; format: string | undefined; missing?: string[] }[] = [
    { name: 'Salesforce Lead', header: SALESFORCE_HEADERS.Lead, kind: 'matched', format: 'salesforce__lead' },
    { name: 'Salesforce LeadHistory', header: SALESFORCE_HEADERS.LeadHistory, kind: 'matched', format: 'salesforce__lead_history' },
    { name: 'Salesforce Opportunity', header: SALESFORCE_HEADERS.Opportunity, kind: 'matched', format: 'salesforce__opportunity' },
    { name: 'Salesforce OpportunityHistory', header: SALESFORCE_HEADERS.OpportunityHistory, kind: 'matched', format: 'salesforce__opportunity_history' },
    { name: 'Salesforce Task', header: SALESFORCE_HEADERS.Task, kind: 'matched', format: 'salesforce__task' },
    { name: 'Salesforce User', header: SALESFORCE_HEADERS.User, kind: 'matched', format: 'salesforce__user' },
    { name: 'Salesforce Campaign', header: SALESFORCE_HEADERS.Campaign, kind: 'matched', format: 'salesforce__campaign' },
    { name: 'Salesforce CampaignMember', header: SALESFORCE_HEADERS.CampaignMember, kind: 'matched', format: 'salesforce__campaign_member' },
    { name: 'Marketo leads', header: MARKETO_HEADERS.leads, kind: 'matched', format: 'marketo__leads' },
    { name: 'Marketo activities', header: MARKETO_HEADERS.activities, kind: 'matched', format: 'marketo__activities' },
    { name: 'HubSpot contacts', header: HUBSPOT_HEADERS.contacts, kind: 'matched', format: 'hubspot__contacts' },
    { name: 'HubSpot deals', header: HUBSPOT_HEADERS.deals, kind: 'matched', format: 'hubspot__deals' },
    { name: 'HubSpot contacts with "Contact ID"', header: ['Contact ID', 'Email', 'Lifecycle Stage', 'Create Date'], kind: 'matched', format: 'hubspot__contacts' },
    { name: 'HubSpot contacts by internal property names', header: ['hs_object_id', 'email', 'lifecyclestage', 'createdate', 'hs_lead_status'], kind: 'matched', format: 'hubspot__contacts' },
    { name: 'Salesforce report labels for a Lead export', header: ['Lead ID', 'First Name', 'Last Name', 'Company', 'Email', 'Lead Status', 'Lead Source', 'Created Date'], kind: 'matched', format: 'salesforce__lead' },
    { name: 'a Task export without Subject is an incomplete Task, not a Lead', header: SALESFORCE_HEADERS.Task.filter((h) => h !== 'Subject'), kind: 'incomplete', format: 'salesforce__task', missing: ['Subject'] },
    { name: 'a Lead export with Status renamed beyond recognition', header: SALESFORCE_HEADERS.Lead.map((h) => (h === 'Status' ? 'Stage of lead' : h)), kind: 'incomplete', format: 'salesforce__lead', missing: ['Status'] },
    { name: 'an unrelated spreadsheet', header: ['Region', 'Quarter', 'Revenue'], kind: 'unknown', format: undefined },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const detection = detectFormat(c.header, formats);
      expect(detection.kind).toBe(c.kind);
      const match = detection.kind === 'unknown' ? detection.closest : detection.match;
      expect(match?.format.name).toBe(c.format);
      if (c.missing) expect(match?.missingRequired.map((m) => m.name)).toEqual(c.missing);
    });
  }

  it('no two columns of one format share a normalised name or alias', () => {
    for (const format of formats) {
      const names = format.columns.flatMap((c) => [...new Set([c.name, ...c.aliases].map(normaliseHeader))]);
      expect(names.filter((n, i) => names.indexOf(n) !== i), format.name).toEqual([]);
    }
  });
});

describe('inspectHead', () => {
  const cases = [
    { name: 'BOM, quoted header, `;`', bytes: Buffer.from('\uFEFF"Id";"Lead Status"\n1;Open\n'), expected: { kind: 'csv', bom: true, delimiter: ';', header: ['Id', 'Lead Status'], headerOnly: false } },
    { name: 'CRLF header only', bytes: Buffer.from('Id,Email\r\n\r\n'), expected: { kind: 'csv', bom: false, delimiter: ',', header: ['Id', 'Email'], headerOnly: true } },
    { name: 'a quoted delimiter inside a header field', bytes: Buffer.from('"Name, full",Email\n'), expected: { kind: 'csv', delimiter: ',', header: ['Name, full', 'Email'] } },
    { name: 'tab-separated', bytes: Buffer.from('Id\tEmail\tStatus\n'), expected: { kind: 'csv', delimiter: '\t', header: ['Id', 'Email', 'Status'] } },
    { name: 'JSON', bytes: Buffer.from('  {"a": 1}'), expected: { kind: 'not-csv' } },
    { name: 'UTF-16', bytes: Buffer.from([0xff, 0xfe, 0x49, 0x00]), expected: { kind: 'not-csv' } },
    { name: 'blank lines', bytes: Buffer.from('\n \n'), expected: { kind: 'empty' } },
  ];
  for (const c of cases) it(c.name, () => expect(inspectHead(c.bytes, c.bytes.length)).toMatchObject(c.expected));
});

describe('physicalLines', () => {
  // Hand-counted: see the comment of each case.
  const cases = [
    { name: 'clean file', breakpoints: [], rejects: [], offsets: [], rejectLines: [] },
    // rec1 spans lines 2-3 (1 newline): every later record starts one line later.
    { name: 'one quoted newline', breakpoints: [{ rn: 1, nl: 1 }], rejects: [], offsets: [[1, 1]], rejectLines: [] },
    // line 2 rec1, line 3 rejected (DuckDB line 3), line 4 rec2: rec2 = rowid 1 → 1 + 2 + 1.
    { name: 'one rejected record', breakpoints: [], rejects: [{ line: 3, csv_line: 'x' }], offsets: [[1, 1]], rejectLines: [3] },
    // lines 2-4 rec1 (2 newlines), 5 rejected (DuckDB says 3), 6 rec2: offsets after rec1: +2 then +1.
    { name: 'newlines before a reject', breakpoints: [{ rn: 1, nl: 2 }], rejects: [{ line: 3, csv_line: 'bad' }], offsets: [[1, 3]], rejectLines: [5] },
    // line 2 rejected spanning 2 lines (DuckDB 2), lines 4.. rec1.
    { name: 'a multi-line reject first', breakpoints: [], rejects: [{ line: 2, csv_line: 'a,"b\nc",d,e' }], offsets: [[0, 2]], rejectLines: [2] },
  ];
  for (const c of cases) {
    it(c.name, () => expect(physicalLines(c.breakpoints, c.rejects)).toEqual({ offsets: c.offsets, rejectLines: c.rejectLines }));
  }
});
