import { describe, expect, it } from 'vitest';
import { exportContext, exportFileName, exportHeading } from './export-context';
import { parseFilters, resolveFilters } from './filters';

const resolve = (search: string) => resolveFilters(parseFilters(search), '2026-10-31', {}, '2025-11-01');

describe('exportFileName: view, title, period and filters', () => {
  const cases = [
    { view: 'Funnel', title: 'By channel', search: 'from=2025-11-01&to=2026-10-31&channel=Paid%20Search', ext: 'csv', expected: 'funnel-by-channel-2025-11-01-to-2026-10-31-channel-paid-search.csv' },
    { view: 'Funnel', title: 'Lead funnel', search: 'range=this-quarter', ext: 'png', expected: 'funnel-lead-funnel-2026-10-01-to-2026-10-31.png' },
    { view: 'SLA review', title: 'By owner', search: 'range=all&owner=Inès%20Morel&owner=Ben%20Carter', ext: 'csv', expected: 'sla-review-by-owner-all-time-owner-ben-carter-ines-morel.csv' },
  ];
  for (const c of cases) it(c.expected, () => expect(exportFileName(c.title, exportContext(c.view, resolve(c.search)), c.ext)).toBe(c.expected));
  it('without a context: the title alone', () => expect(exportFileName('Lead funnel', null, 'csv')).toBe('lead-funnel.csv'));
  it('never longer than 150 characters before the extension', () => {
    const long = exportFileName('x'.repeat(300), null, 'csv');
    expect(long.length).toBe(154);
  });
});

describe('exportHeading', () => {
  it('title, period with filters, as-of day', () => {
    expect(exportHeading('By channel', exportContext('Funnel', resolve('range=this-quarter&segment=SMB&channel=Email')))).toEqual([
      'By channel',
      'Funnel · 1 Oct 2026 – 31 Oct 2026 (to date) · Channel: Email; Segment: SMB',
      'Data as of 2026-10-31',
    ]);
  });
  it('says when there are no filters', () => {
    expect(exportHeading('By channel', exportContext('Funnel', resolve('from=2026-01-01&to=2026-03-31')))[1]).toBe('Funnel · 1 Jan 2026 – 31 Mar 2026 · No filters');
  });
});
