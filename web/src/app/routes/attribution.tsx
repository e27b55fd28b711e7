// Attribution & ROI: revenue and pipeline credited to every touch under one model (switcher kept
// in the URL), the models side by side, and what each campaign cost and returned.
import { useSearchParams } from 'react-router-dom';
import { CampaignTable } from '../../features/attribution/components/campaign-table';
import { CreditChart } from '../../features/attribution/components/credit-chart';
import { ModelComparisonChart } from '../../features/attribution/components/model-comparison-chart';
import { ModelSwitcher } from '../../features/attribution/components/model-switcher';
import { parseModel } from '../../features/attribution/api/members';
import { usePageContext } from './layout';

export default function AttributionRoute() {
  const { filters, onDrill } = usePageContext();
  const [params, setParams] = useSearchParams();
  const model = parseModel(params.get('model'));
  const ownerIgnored = filters.dims.owner.length > 0;
  return (
    <div className="page" data-testid="page-attribution">
      <h1 className="page-title">Attribution &amp; ROI</h1>
      <p className="page-intro">
        Every marketing touch of the buyer's journey gets its share of each deal — campaign responses, form fills, email clicks, conversions, and the lead's original source. Pick
        a model; figures are dated by their own date (revenue by close, pipeline by creation, spend by month, MQLs by MQL date).
        {ownerIgnored ? ' The owner filter does not apply here (credit is per touch, not per owner).' : ''}
      </p>
      <div className="page-toolbar">
        <ModelSwitcher
          model={model}
          onChange={(next) => {
            const p = new URLSearchParams(params);
            p.set('model', next);
            setParams(p);
          }}
        />
      </div>
      <div className="grid grid-2">
        <CreditChart by="channel" model={model} filters={filters} onDrill={onDrill} />
        <CreditChart by="campaign" model={model} filters={filters} onDrill={onDrill} />
        <div className="span-all">
          <ModelComparisonChart filters={filters} />
        </div>
        <div className="span-all">
          <CampaignTable model={model} filters={filters} />
        </div>
      </div>
    </div>
  );
}
