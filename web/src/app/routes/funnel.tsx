// Funnel (landing page, for leadership).
import { BreakdownChart } from '../../features/funnel/components/breakdown-chart';
import { FunnelChart } from '../../features/funnel/components/funnel-chart';
import { HeadlineTiles } from '../../features/funnel/components/headline-tiles';
import { TrendChart } from '../../features/funnel/components/trend-chart';
import { GoalPacingTiles } from '../../features/goals/components/goal-pacing';
import { RevenueGoalChart } from '../../features/goals/components/revenue-goal-chart';
import { usePageContext } from './layout';

export default function FunnelRoute() {
  const { filters, onDrill } = usePageContext();
  return (
    <div className="page" data-testid="page-funnel">
      <h1 className="page-title">Funnel</h1>
      <HeadlineTiles filters={filters} onDrill={onDrill} />
      <GoalPacingTiles />
      <div className="grid grid-2">
        <FunnelChart filters={filters} onDrill={onDrill} />
        <TrendChart filters={filters} onDrill={onDrill} />
        <RevenueGoalChart filters={filters} />
        <BreakdownChart by="channel" filters={filters} onDrill={onDrill} />
        <BreakdownChart by="campaign" filters={filters} onDrill={onDrill} />
      </div>
    </div>
  );
}
