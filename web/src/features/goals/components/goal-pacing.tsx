// The Funnel page's goal tiles: the current period's revenue goal, pacing and the reverse funnel.
import { Link } from 'react-router-dom';
import { QueryState } from '../../../components/query-state';
import { StatTile } from '../../../components/stat-tile';
import { formatValue } from '../../../lib/format';
import type { FilterDimension, ResolvedFilters } from '../../../lib/filters';
import { useGoalPacing, type GoalPacing } from '../api/get-goal-pacing';

const money = (v: number | null) => formatValue(v, 'currency');
const count = (v: number | null) => (v === null ? '—' : v.toLocaleString('en-US', { maximumFractionDigits: 0 }));

function Tiles({ g, unsupported }: { g: GoalPacing; unsupported: readonly FilterDimension[] }) {
  const gap = g.mqlsNeeded !== null && g.committedMqls !== null ? g.mqlsNeeded - g.committedMqls : null;
  return (
    <>
      <div className="tiles" data-testid="goal-tiles">
        <StatTile
          label={`Won vs goal to date, ${g.period}`}
          value={formatValue(g.goalPace, 'percent')}
          delta={null}
          description={`Won to date ÷ goal to date: ${money(g.wonRevenue)} ÷ ${money(g.goalToDate)} (${count(g.daysElapsed)} of ${count(g.daysInPeriod)} days; goal ${money(g.revenueGoal)}).`}
          testId="goal-pace"
        />
        <StatTile
          label="Run-rate projection"
          value={money(g.projectedRevenue)}
          delta={null}
          description={`Won to date ÷ days elapsed × days in the period: ${formatValue(g.projectedAttainment, 'percent')} of the ${money(g.revenueGoal)} goal.`}
          testId="goal-projection"
        />
        <StatTile
          label="Pipeline coverage"
          value={g.pipelineCoverage === null ? '—' : `${g.pipelineCoverage.toFixed(1)}×`}
          delta={null}
          description={`Open pipeline ÷ revenue still to win: ${money(g.openPipeline)} ÷ ${money(g.revenueToWin)}.`}
          testId="goal-coverage"
        />
        <StatTile
          label="Wins · SQLs · MQLs needed"
          value={`${count(g.winsNeeded)} · ${count(g.sqlsNeeded)} · ${count(g.mqlsNeeded)}`}
          delta={null}
          description={`Goal ÷ average won deal (${money(g.averageWonDeal)}) ÷ close rate (${formatValue(g.closeRate, 'percent')}) ÷ MQL→SQL rate (${formatValue(g.mqlToSqlRate, 'percent')}), trailing 12 months unless the agreement fixes them.`}
          testId="goal-reverse-funnel"
        />
        <StatTile
          label="MQLs committed"
          value={count(g.committedMqls)}
          delta={null}
          description={`Marketing's commitment for ${g.period}; ${count(g.deliveredMqls)} delivered so far.`}
          testId="goal-committed"
        />
      </div>
      <p className="goal-note">
        {gap !== null && gap > 0
          ? `The goal needs ${count(gap)} more MQLs than marketing committed for ${g.period}. `
          : gap !== null
            ? `Marketing's commitment covers the MQLs the goal needs for ${g.period}. `
            : ''}
        {unsupported.length ? `Goals are set per segment and region: the ${unsupported.join(', ')} filter does not change these tiles. ` : ''}
        <Link to="/agreement#goals">Goals and rates in the agreement</Link>
      </p>
    </>
  );
}

export function GoalPacingTiles({ filters }: { filters: ResolvedFilters }) {
  const query = useGoalPacing(filters);
  const scoped = filters.dims.segment.length > 0 || filters.dims.region.length > 0;
  return (
    <section aria-label="Revenue goal" data-testid="goal-pacing">
      <QueryState
        query={query}
        isEmpty={!query.data?.pacing}
        emptyMessage={
          scoped
            ? 'No revenue goal in the agreement for the period in progress in this segment or region (goals may be company-wide): clear the segment and region filters, or add one under goals in agreement.yml.'
            : 'No revenue goal in the agreement for the period in progress: add one under goals in agreement.yml.'
        }
        height={110}
      >
        {() => (query.data?.pacing ? <Tiles g={query.data.pacing} unsupported={query.data.unsupported} /> : null)}
      </QueryState>
    </section>
  );
}
