import { describe, expect, it } from 'vitest';
import type { AgreementTerm } from '../api/get-agreement-terms';
import { describeSlaRule } from './sla-rule';

const terms = (sla: Record<string, string>, bySegment: Record<string, string> = {}) =>
  new Map<string, AgreementTerm[]>([
    ['sales_sla', Object.entries(sla).map(([item, value]) => ({ subject: null, item, value }))],
    ['sla_by_segment', Object.entries(bySegment).map(([subject, value]) => ({ subject, item: 'hours', value }))],
  ]);

describe('describeSlaRule', () => {
  const cases = [
    { name: 'the default', input: terms({ hours: '24', hours_type: 'clock', time_zone: 'UTC' }), expected: { rule: 'first touch within 24 clock hours of handoff', overrides: [] } },
    {
      name: 'business hours with an override',
      input: terms({ hours: '8', hours_type: 'business', time_zone: 'Europe/London', business_hours: '09:00–17:00 mon, tue, wed, thu, fri' }, { Enterprise: '16' }),
      expected: { rule: 'first touch within 8 business hours (09:00–17:00 mon, tue, wed, thu, fri, Europe/London) of handoff', overrides: ['Enterprise: 16 business hours'] },
    },
    { name: 'one hour', input: terms({ hours: '1', hours_type: 'clock' }), expected: { rule: 'first touch within 1 clock hour of handoff', overrides: [] } },
  ];
  for (const c of cases) it(c.name, () => expect(describeSlaRule(c.input)).toEqual(c.expected));
  it('no SLA terms: null', () => expect(describeSlaRule(new Map())).toBeNull());
});
