// The sales SLA in force, in plain words, with what "SLA due", "SLA past due" and "pending" mean
// (the breach list's terms, as Marketo frames them).
import { Link } from 'react-router-dom';
import { useAgreementTerms } from '../api/get-agreement-terms';
import { describeSlaRule } from './sla-rule';

export function SlaRulePanel() {
  const query = useAgreementTerms();
  const rule = query.data ? describeSlaRule(query.data) : null;
  return (
    <section className="panel" aria-labelledby="sla-rule-title" data-testid="sla-rule">
      <div className="panel-body sla-rule-text">
        <h2 id="sla-rule-title" className="panel-title">The rule in force</h2>
        <p data-testid="sla-rule-text">
          {query.status === 'pending'
            ? 'Loading the agreement…'
            : query.status === 'error'
              ? `The agreement could not be read: ${query.error.message}`
              : rule
                ? <>Sales makes the <strong>{rule.rule}</strong>{rule.overrides.length > 0 ? <> ({rule.overrides.join('; ')})</> : null}.</>
                : 'This build has no sales SLA.'}{' '}
          <Link to="/agreement#sales-sla">See the agreement</Link>
        </p>
        <dl>
          <dt>SLA due</dt>
          <dd>Handed-off leads that missed their deadline (handoff + the agreed hours): touched late, or not at all. The “SLA due” list below names them.</dd>
          <dt>SLA past due</dt>
          <dd>Of those, the ones nobody has touched yet: the deadline has passed and the lead is still waiting for sales. Call them first.</dd>
          <dt>Pending</dt>
          <dd>Not touched yet and still inside the agreed hours: neither met nor missed, and left out of compliance.</dd>
        </dl>
      </div>
    </section>
  );
}
