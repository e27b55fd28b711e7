// What the teams signed, as the build applied it: one card per section of the agreement,
// plus every rate's definition (anchors `#definition-<view>-<measure>` that rates link to).
import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import { QueryState } from '../../../components/query-state';
import { formatTimestamp } from '../../../lib/format';
import { useMeta, type MetaIndex } from '../../../lib/cube-meta';
import { definitionId } from '../../../lib/definitions';
import { termValue, useAgreementTerms, type AgreementTerm, type AgreementTerms } from '../api/get-agreement-terms';
import { describeSlaRule } from './sla-rule';


function Card({ id, title, description, children }: { id: string; title: string; description?: string; children: ReactNode }) {
  return (
    <section className="panel" aria-labelledby={`${id}-title`} id={id} data-testid={`agreement-${id}`}>
      <header className="panel-header">
        <div>
          <h2 id={`${id}-title`} className="panel-title">{title}</h2>
          {description ? <p className="panel-description">{description}</p> : null}
        </div>
      </header>
      <div className="panel-body">{children}</div>
    </section>
  );
}

function Table({ caption, head, rows }: { caption: string; head: readonly string[]; rows: readonly (readonly ReactNode[])[] }) {
  if (rows.length === 0) return <p className="muted">None agreed.</p>;
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>{head.map((h) => <th key={h} scope="col">{h}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((cells, i) => (
            <tr key={i}>{cells.map((c, j) => <td key={j}>{c}</td>)}</tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Terms grouped by subject: `Paid Search` → its lead sources. */
function grouped(terms: readonly AgreementTerm[]): [string, string[]][] {
  const out = new Map<string, string[]>();
  for (const t of terms) out.set(t.subject ?? '', [...(out.get(t.subject ?? '') ?? []), t.item ?? '']);
  return [...out.entries()];
}

const money = (v: string) => (Number.isFinite(Number(v)) ? Number(v).toLocaleString('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }) : v);
const rate = (v: string) => (Number.isFinite(Number(v)) ? `${(Number(v) * 100).toLocaleString('en-US', { maximumFractionDigits: 1 })}%` : v);

const SQL_DEFINITIONS: Readonly<Record<string, string>> = {
  opportunity: 'A lead is an SQL when it converts to an opportunity (Salesforce) or gets a deal (HubSpot).',
  system_stage: 'A lead is an SQL when it converts to an opportunity or its system says SQL first: HubSpot’s “Became a Sales Qualified Lead Date”, or a Marketo status mapped to sql.',
};

function Sections({ terms, meta }: { terms: AgreementTerms; meta: MetaIndex | undefined }) {
  const section = (name: string) => terms.get(name) ?? [];
  const sla = describeSlaRule(terms);
  const sqlDefinition = termValue(terms, 'definitions', 'sql') ?? 'opportunity';
  const rates = [...(meta?.values() ?? [])].filter((m) => m.kind === 'measure' && (m.format === 'percent' || Boolean(m.ratio)));
  return (
    <>
      <Card id="build" title="This build" description="The numbers on every page follow this agreement.">
        <dl className="agreement-facts">
          <dt>Agreement hash</dt>
          <dd><code data-testid="agreement-hash">{termValue(terms, 'build', 'agreement_hash') ?? '—'}</code></dd>
          <dt>Built at</dt>
          <dd>{formatTimestamp(termValue(terms, 'build', 'built_at'))}</dd>
          <dt>Data as of</dt>
          <dd>{formatTimestamp(termValue(terms, 'build', 'as_of'))}</dd>
        </dl>
      </Card>
      <Card id="switches" title="Definitions the teams chose">
        <dl className="agreement-facts">
          <dt>SQL</dt>
          <dd data-testid="agreement-sql-definition"><strong>{sqlDefinition}</strong>: {SQL_DEFINITIONS[sqlDefinition] ?? ''}</dd>
          <dt>MQL date</dt>
          <dd>
            The first MQL date counts for cohorts; re-MQLs after recycling are counted as “MQL events”.{' '}
            {termValue(terms, 'definitions', 'infer_mql_from_later_stages') === 'true'
              ? 'A lead that reached a later stage without an MQL date takes its earliest later-stage date (inferred).'
              : 'A lead without an MQL date is not an MQL, whatever stage it reached.'}
          </dd>
          <dt>Cohort or period</dt>
          <dd>Cohort counts group leads by their MQL date; period counts group each stage by its own date. Every chart says which it shows.</dd>
        </dl>
      </Card>
      <Card id="sales-sla" title="Sales SLA" description="What sales promised for each lead marketing hands off.">
        <p data-testid="agreement-sla-rule">{sla ? <>Sales makes the <strong>{sla.rule}</strong>.</> : 'No sales SLA in this build.'}</p>
        <dl className="agreement-facts">
          <dt>Hours</dt>
          <dd>{termValue(terms, 'sales_sla', 'hours') ?? '—'}</dd>
          <dt>Counted as</dt>
          <dd>{termValue(terms, 'sales_sla', 'hours_type') === 'business' ? 'business hours only' : 'clock hours (every hour counts)'}</dd>
          <dt>Time zone</dt>
          <dd>{termValue(terms, 'sales_sla', 'time_zone') ?? 'UTC'}</dd>
          <dt>Business hours</dt>
          <dd>{termValue(terms, 'sales_sla', 'business_hours') ?? '—'}</dd>
          <dt>Per segment</dt>
          <dd>{section('sla_by_segment').length === 0 ? 'the same hours for every segment' : section('sla_by_segment').map((t) => `${t.subject ?? '?'}: ${t.value} hours`).join('; ')}</dd>
        </dl>
      </Card>
      <Card id="commitments" title="Marketing’s MQL commitments" description="MQLs per month, by segment; a month listed on its own overrides “every month”.">
        <Table caption="MQL commitments" head={['Month', 'Segment', 'MQLs']} rows={section('mql_commitments').map((t) => [t.item, t.subject, t.value])} />
      </Card>
      <Card id="goals" title="Revenue goals" description="The reverse funnel turns each goal into wins, SQLs and MQLs needed.">
        <Table caption="Revenue goals" head={['Period', 'Segment / region', 'Goal']} rows={section('revenue_goals').map((t) => [t.subject, t.item, money(t.value)])} />
        <Table
          caption="Reverse-funnel rates"
          head={['Rate', 'Agreed value']}
          rows={section('goal_rates').map((t) => [t.item?.replaceAll('_', ' '), t.item === 'average_won_deal' ? money(t.value) : rate(t.value)])}
        />
      </Card>
      <Card id="stages" title="Stage definitions" description="Which lead status means which funnel stage, per system (matching ignores case).">
        <Table caption="Lead statuses" head={['System', 'Status', 'Stage']} rows={section('lead_statuses').map((t) => [t.subject, t.item, t.value])} />
        <Table caption="Opportunity stages" head={['System', 'Deal stage', 'Outcome']} rows={section('opportunity_stages').map((t) => [t.subject, t.item, t.value])} />
      </Card>
      <Card id="channels" title="Channel mapping" description="Lead sources (as lower-cased in matching) → channel; anything else is Other.">
        <Table caption="Channel mapping" head={['Channel', 'Lead sources']} rows={grouped(section('channels')).map(([channel, sources]) => [channel, sources.join(', ')])} />
      </Card>
      <Card id="rejection-reasons" title="Rejection reasons" description="Each system's reasons (as lower-cased in matching) → the agreed reason; any other reason shows as Other (unmapped).">
        {section('rejection_reasons').length === 0 ? (
          <p>Not mapped: reasons show as each system exports them.</p>
        ) : (
          <Table caption="Rejection reasons" head={['Agreed reason', 'As exported']} rows={grouped(section('rejection_reasons')).map(([reason, raw]) => [reason, raw.join(', ')])} />
        )}
      </Card>
      <Card id="segments" title="Segments and regions">
        <Table caption="Segments" head={['Segment', 'Employees']} rows={section('segments').map((t) => [t.subject, t.value])} />
        <Table caption="Regions" head={['Region', 'Countries']} rows={grouped(section('regions')).map(([region, countries]) => [region, countries.join(', ')])} />
      </Card>
      <Card id="metrics" title="Rate definitions" description="Every rate on the dashboard: what it divides by what.">
        <dl className="agreement-facts">
          {rates.map((m) => (
            <div key={m.name} id={definitionId(m.name)} className="agreement-definition">
              <dt>{m.title}</dt>
              <dd>
                {m.ratio ? (
                  <span className="agreement-ratio" data-testid={`${definitionId(m.name)}-ratio`}>
                    {m.ratio.numerator} ÷ {m.ratio.denominator}
                  </span>
                ) : null}
                {m.description ?? ''} <span className="muted">({m.name})</span>
              </dd>
            </div>
          ))}
        </dl>
      </Card>
    </>
  );
}

/** A link to `#definition-…` (a rate tile's) scrolls to it and marks it once the page has rendered it. */
function useScrollToHash(ready: boolean) {
  const { hash } = useLocation();
  useEffect(() => {
    if (!ready || !hash) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!target) return;
    target.classList.add('is-target');
    target.scrollIntoView({ block: 'center' });
    return () => target.classList.remove('is-target');
  }, [ready, hash]);
}

export function AgreementPage() {
  const query = useAgreementTerms();
  const meta = useMeta();
  useScrollToHash(Boolean(query.data && meta.data));
  return (
    <QueryState query={query} isEmpty={!query.data || query.data.size === 0} emptyMessage="This warehouse holds no agreement: rebuild it with npm run etl." height={320}>
      {() => (query.data ? <Sections terms={query.data} meta={meta.data?.members} /> : null)}
    </QueryState>
  );
}
