import { describe, expect, it } from 'vitest';
import { isOpportunityColumn, journeySearch, withoutJourney } from './journey-link';

describe('journey links', () => {
  const open = [
    { search: '', id: '006A', expected: '?deal=006A' },
    { search: '?range=all&model=linear', id: '006A', expected: '?range=all&model=linear&deal=006A' },
    { search: '?deal=006A&range=all', id: '9898', expected: '?deal=9898&range=all' },
    { search: '', id: 'a b&c', expected: '?deal=a+b%26c' },
  ];
  it.each(open)('opens $id over "$search"', ({ search, id, expected }) => {
    expect(journeySearch(search, id)).toBe(expected);
  });

  const close = [
    { search: '?range=all&deal=006A', expected: '?range=all' },
    { search: '?deal=006A', expected: '' },
    { search: '?range=all', expected: '?range=all' },
  ];
  it.each(close)('closes over "$search"', ({ search, expected }) => {
    expect(withoutJourney(search)).toBe(expected);
  });

  const columns = [
    { key: 'pipeline.opportunity_id', expected: true },
    { key: 'funnel.opportunity_id', expected: true },
    { key: 'opportunity_id', expected: true },
    { key: 'funnel.lead_id', expected: false },
    { key: 'pipeline.opportunity_id_count', expected: false },
  ];
  it.each(columns)('$key links to a journey: $expected', ({ key, expected }) => {
    expect(isOpportunityColumn(key)).toBe(expected);
  });
});
