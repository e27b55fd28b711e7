// Lead quality & feedback: what sales rejects and why; what converts; where revenue comes from.
import { ConversionChart } from '../../features/lead-quality/components/conversion-chart';
import { RejectionReasonsChart, RejectionsByChannelChart } from '../../features/lead-quality/components/rejection-charts';
import { RevenueChart } from '../../features/lead-quality/components/revenue-chart';
import { usePageContext } from './layout';

export default function LeadQualityRoute() {
  const { filters, onDrill } = usePageContext();
  return (
    <div className="page" data-testid="page-lead-quality">
      <h1 className="page-title">Lead quality &amp; feedback</h1>
      <p className="page-intro">Sales' feedback on the leads marketing sends: rejections and their reasons, acceptance and conversion, and the revenue each source closes. All by the MQL cohort of the period.</p>
      <div className="grid grid-2">
        <RejectionReasonsChart filters={filters} onDrill={onDrill} />
        <RejectionsByChannelChart filters={filters} onDrill={onDrill} />
        <ConversionChart by="channel" filters={filters} onDrill={onDrill} />
        <ConversionChart by="campaign" filters={filters} onDrill={onDrill} />
        <RevenueChart by="channel" filters={filters} onDrill={onDrill} />
        <RevenueChart by="campaign" filters={filters} onDrill={onDrill} />
      </div>
    </div>
  );
}
