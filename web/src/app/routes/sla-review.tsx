// SLA review: sales follow-up (by week, owner, team; the breach list) and marketing's commitment.
import { SlaRulePanel } from '../../features/agreement/components/sla-rule-panel';
import { BreachList } from '../../features/sla-review/components/breach-list';
import { MarketingSlaChart } from '../../features/sla-review/components/marketing-sla-chart';
import { SlaHeadline } from '../../features/sla-review/components/sla-headline';
import { SlaRepChart } from '../../features/sla-review/components/sla-rep-chart';
import { SlaWeekChart } from '../../features/sla-review/components/sla-week-chart';
import { usePageContext } from './layout';

export default function SlaReviewRoute() {
  const { filters, onDrill } = usePageContext();
  return (
    <div className="page" data-testid="page-sla">
      <h1 className="page-title">SLA review</h1>
      <p className="page-intro">Sales commits to a first touch within the agreed hours of handoff; marketing commits to a volume of MQLs. Sales charts use the handoff date, marketing charts the commitment month.</p>
      <h2 className="section-title">Sales follow-up</h2>
      <SlaRulePanel />
      <SlaHeadline filters={filters} />
      <div className="grid grid-2">
        <div className="span-all">
          <SlaWeekChart filters={filters} onDrill={onDrill} />
        </div>
        <SlaRepChart by="team" filters={filters} onDrill={onDrill} />
        <SlaRepChart by="owner" filters={filters} onDrill={onDrill} />
        <div className="span-all">
          <BreachList filters={filters} />
        </div>
      </div>
      <h2 className="section-title">Marketing commitment</h2>
      <div className="grid grid-2">
        <MarketingSlaChart by="month" filters={filters} onDrill={onDrill} />
        <MarketingSlaChart by="segment" filters={filters} onDrill={onDrill} />
      </div>
    </div>
  );
}
