// The sales SLA in plain words, from the agreement's terms (pure, tested beside it).
import { termValue, type AgreementTerms } from '../api/get-agreement-terms';

export interface SlaRule {
  /** "first touch within 24 clock hours of handoff" */
  readonly rule: string;
  /** "Enterprise: 48 hours" … */
  readonly overrides: readonly string[];
}

const plural = (n: string) => (n === '1' ? 'hour' : 'hours');

export function describeSlaRule(terms: AgreementTerms): SlaRule | null {
  const hours = termValue(terms, 'sales_sla', 'hours');
  if (hours === null) return null;
  const type = termValue(terms, 'sales_sla', 'hours_type') ?? 'clock';
  const zone = termValue(terms, 'sales_sla', 'time_zone') ?? 'UTC';
  const businessHours = termValue(terms, 'sales_sla', 'business_hours');
  const kind = type === 'business' ? `business ${plural(hours)} (${businessHours ?? 'business hours'}, ${zone})` : `clock ${plural(hours)}`;
  const overrides = (terms.get('sla_by_segment') ?? []).map((t) => `${t.subject ?? '?'}: ${t.value} ${type === 'business' ? 'business ' : ''}${plural(t.value)}`);
  return { rule: `first touch within ${hours} ${kind} of handoff`, overrides };
}
