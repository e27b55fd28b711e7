// Velocity & leakage: how fast leads move, where they leak between tools, and what the build
// could not load.
import { LeakList, LeaksChart } from '../../features/velocity-leakage/components/leak-charts';
import { OpenDealsChart } from '../../features/velocity-leakage/components/open-deals-chart';
import { QuarantineChart } from '../../features/velocity-leakage/components/quarantine-chart';
import { StageVelocityChart, TimeInStageChart } from '../../features/velocity-leakage/components/velocity-charts';
import { usePageContext } from './layout';

export default function VelocityLeakageRoute() {
  const { filters, onDrill } = usePageContext();
  return (
    <div className="page" data-testid="page-velocity">
      <h1 className="page-title">Velocity &amp; leakage</h1>
      <h2 className="section-title">Velocity</h2>
      <div className="grid grid-2">
        <StageVelocityChart filters={filters} onDrill={onDrill} />
        <TimeInStageChart filters={filters} onDrill={onDrill} />
        <div className="span-all">
          <OpenDealsChart filters={filters} onDrill={onDrill} />
        </div>
      </div>
      <h2 className="section-title">Leakage</h2>
      <div className="grid grid-2">
        <LeaksChart filters={filters} onDrill={onDrill} />
        <QuarantineChart onDrill={onDrill} />
        <div className="span-all">
          <LeakList filters={filters} />
        </div>
      </div>
    </div>
  );
}
