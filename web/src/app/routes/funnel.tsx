// Funnel (landing page, for leadership). `?count=period` switches the headline tiles (and their
// rates) and the monthly trend from MQL cohorts to period counts (each number by its own date);
// the toggle says which charts it changes, and each of those says which count it shows.
import { Link, useSearchParams } from 'react-router-dom';
import { BreakdownChart } from '../../features/funnel/components/breakdown-chart';
import { FunnelChart } from '../../features/funnel/components/funnel-chart';
import { HeadlineTiles } from '../../features/funnel/components/headline-tiles';
import { TrendChart } from '../../features/funnel/components/trend-chart';
import { PeriodTrendChart } from '../../features/funnel-period/components/period-trend-chart';
import { GoalPacingTiles } from '../../features/goals/components/goal-pacing';
import { RevenueGoalChart } from '../../features/goals/components/revenue-goal-chart';
import { usePageContext } from './layout';

export default function FunnelRoute() {
  const { filters, onDrill } = usePageContext();
  const [params, setParams] = useSearchParams();
  const basis = params.get('count') === 'period' ? 'period' : 'cohort';
  const setBasis = (next: 'cohort' | 'period') =>
    setParams((p) => {
      const out = new URLSearchParams(p);
      if (next === 'period') out.set('count', 'period');
      else out.delete('count');
      return out;
    });
  return (
    <div className="page" data-testid="page-funnel">
      <h1 className="page-title">Funnel</h1>
      <div className="count-basis" role="group" aria-label="Count leads by" data-testid="count-basis">
        <span className="field-label">Count by</span>
        {(['cohort', 'period'] as const).map((b) => (
          <button key={b} type="button" className={`icon-button${basis === b ? ' icon-button-active' : ''}`} aria-pressed={basis === b} onClick={() => setBasis(b)}>
            {b === 'cohort' ? 'MQL cohort' : 'Period'}
          </button>
        ))}
        <span className="muted">
          {basis === 'cohort'
            ? 'Leads counted in the month they became MQLs.'
            : 'Each stage counted in the month it happened.'}{' '}
          Changes the headline tiles and their rates, the monthly trend and the channel chart. The funnel and the campaign chart always follow the MQL
          cohort; won revenue against the goal is always by close date.
        </span>
      </div>
      <HeadlineTiles filters={filters} onDrill={onDrill} basis={basis} />
      <p className="goal-note">
        Each rate’s <i>i</i> button says what it divides by what; every definition is on the <Link to="/agreement#metrics">Agreement page</Link>.
      </p>
      <GoalPacingTiles filters={filters} />
      <div className="grid grid-2">
        <FunnelChart filters={filters} onDrill={onDrill} />
        {basis === 'cohort' ? <TrendChart filters={filters} onDrill={onDrill} /> : <PeriodTrendChart filters={filters} />}
        <RevenueGoalChart filters={filters} />
        <BreakdownChart by="channel" filters={filters} onDrill={onDrill} basis={basis} />
        <BreakdownChart by="campaign" filters={filters} onDrill={onDrill} basis={basis} />
      </div>
    </div>
  );
}
