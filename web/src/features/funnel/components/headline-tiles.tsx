// Headline tiles: MQLs, acceptance, MQL→SQL, close rate, SLA compliance, won amount, each with
// the change against the comparison period (like with like; none when its base is before the
// data, said once below the tiles). A tile drills down to the leads behind it.
import { StatTile } from '../../../components/stat-tile';
import { QueryState } from '../../../components/query-state';
import { memberFormat, memberTitle, useMeta } from '../../../lib/cube-meta';
import { comparisonNote, describeRange } from '../../../lib/filters';
import type { ResolvedFilters } from '../../../lib/filters';
import { formatDelta, formatValue } from '../../../lib/format';
import type { ValueFormat } from '../../../lib/format';
import type { OnDrill } from '../../../lib/drill';
import { useHeadline } from '../api/get-headline';
import type { HeadlineMeasure } from '../api/get-headline';
import { FUNNEL, funnelFilters, mqlCohort } from '../api/members';
import { useTypicalDays } from '../api/get-typical-days';
import { cohortMaturity, maturityNote } from '../../../lib/maturity';

interface TileSpec {
  readonly measure: HeadlineMeasure;
  readonly label: string;
  readonly format: ValueFormat;
  readonly drill: string;
  readonly drillTitle: string;
  readonly higherIsBetter: boolean;
  readonly id: string;
  /** The stage the rate waits for: marked "not yet mature" while the cohort is younger than the typical time to reach it. */
  readonly settlesAt?: 'sql' | 'won';
}

export const TILES: readonly TileSpec[] = [
  { id: 'mqls', measure: FUNNEL.mqlCount, label: 'MQLs', format: 'integer', drill: FUNNEL.mqlCount, drillTitle: 'MQLs', higherIsBetter: true },
  { id: 'acceptance', measure: FUNNEL.acceptanceRate, label: 'Acceptance rate', format: 'percent', drill: FUNNEL.salCount, drillTitle: 'Accepted leads (SAL)', higherIsBetter: true },
  { id: 'mql-to-sql', measure: FUNNEL.mqlToSqlRate, label: 'MQL → SQL rate', format: 'percent', drill: FUNNEL.sqlCount, drillTitle: 'SQLs', higherIsBetter: true, settlesAt: 'sql' },
  { id: 'close-rate', measure: FUNNEL.closeRate, label: 'Close rate', format: 'percent', drill: FUNNEL.wonCount, drillTitle: 'Won leads', higherIsBetter: true, settlesAt: 'won' },
  { id: 'sla', measure: FUNNEL.slaComplianceRate, label: 'Sales SLA compliance', format: 'percent', drill: FUNNEL.slaBreachedCount, drillTitle: 'SLA breaches', higherIsBetter: true },
  { id: 'won-amount', measure: FUNNEL.wonAmount, label: 'Won amount', format: 'currency', drill: FUNNEL.wonCount, drillTitle: 'Won leads', higherIsBetter: true, settlesAt: 'won' },
];

export interface HeadlineTilesProps {
  readonly filters: ResolvedFilters;
  readonly onDrill: OnDrill;
  readonly large?: boolean;
}

export function HeadlineTiles({ filters, onDrill, large }: HeadlineTilesProps) {
  const headline = useHeadline(filters);
  const meta = useMeta().data;
  const data = headline.data;
  const note = comparisonNote(filters);
  const typical = useTypicalDays().data ?? null;
  const maturity = filters.dateRange && typical ? cohortMaturity(filters.dateRange, filters.asOf, typical) : null;
  return (
    <section className={`tiles${large ? ' tiles-large' : ''}`} aria-label="Headline measures" data-testid="headline-tiles">
      <QueryState query={headline} isEmpty={false} height={large ? 400 : 112}>
        {() =>
          TILES.map((t) => {
            const format = memberFormat(meta, t.measure, t.format);
            const current = data?.current[t.measure] ?? null;
            const previous = data?.previous?.[t.measure] ?? null;
            return (
              <StatTile
                key={t.id}
                testId={`tile-${t.id}`}
                label={memberTitle(meta, t.measure, t.label)}
                value={formatValue(current, format, { compact: format === 'currency' })}
                delta={data?.previous ? formatDelta(current, previous, format) : null}
                comparedTo={data?.previousRange ? (note?.kind === 'compared' ? note.text : describeRange(data.previousRange)) : undefined}
                description={meta?.members.get(t.measure)?.description ?? null}
                higherIsBetter={t.higherIsBetter}
                immature={t.settlesAt && maturity && typical && !maturity[t.settlesAt] ? maturityNote(t.settlesAt, typical) : null}
                large={large ?? false}
                onClick={() =>
                  onDrill({
                    title: `${t.drillTitle} · ${describeRange(filters.dateRange)}`,
                    measure: t.drill,
                    filters: funnelFilters(filters),
                    timeDimensions: mqlCohort(filters.dateRange),
                  })
                }
              />
            );
          })
        }
      </QueryState>
      {note?.kind === 'not-shown' ? (
        <p className="tiles-note" data-testid="comparison-note">
          {note.text}
        </p>
      ) : null}
    </section>
  );
}
