// The sales SLA in force, in plain words, with what "due", "past due" and "pending" mean.
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
          <dd>The lead’s deadline (handoff + the agreed hours) has passed, or it was already touched: it counts toward compliance, as met or past due.</dd>
          <dt>SLA past due</dt>
          <dd>Sales touched the lead after the deadline, or has not touched it and the deadline has passed (a breach).</dd>
          <dt>Pending</dt>
          <dd>Not touched yet and still inside its window: neither met nor breached.</dd>
        </dl>
      </div>
    </section>
  );
}
