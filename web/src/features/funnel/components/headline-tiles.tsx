// Headline tiles: MQLs, acceptance, MQL→SQL, close rate, SLA compliance, won amount, each with
// the change against the comparison period (like with like; none when its base is before the
// data, said once below the tiles). A tile drills down to the leads behind it. Labels, formats
// and descriptions are the model's (/meta).
import { StatTile } from '../../../components/stat-tile';
import { QueryState } from '../../../components/query-state';
import { memberDescription, memberSeries, memberTitle, useWithMeta } from '../../../lib/cube-meta';
import { comparisonNote, describeRange } from '../../../lib/filters';
import type { ResolvedFilters } from '../../../lib/filters';
import { formatDelta, formatValue } from '../../../lib/format';
import type { OnDrill } from '../../../lib/drill';
import { useHeadline } from '../api/get-headline';
import type { HeadlineMeasure } from '../api/get-headline';
import { FUNNEL, funnelFilters, mqlCohort } from '../api/members';
import { useTypicalDays } from '../api/get-typical-days';
import { cohortMaturity, maturityNote } from '../../../lib/maturity';

interface TileSpec {
  readonly measure: HeadlineMeasure;
  /** The measure a click lists the leads of (its title heads the list). */
  readonly drill: string;
  readonly higherIsBetter: boolean;
  readonly id: string;
  /** The stage the rate waits for: marked "not yet mature" while the cohort is younger than the typical time to reach it. */
  readonly settlesAt?: 'sql' | 'won';
}

export const TILES: readonly TileSpec[] = [
  { id: 'mqls', measure: FUNNEL.mqlCount, drill: FUNNEL.mqlCount, higherIsBetter: true },
  { id: 'acceptance', measure: FUNNEL.acceptanceRate, drill: FUNNEL.salCount, higherIsBetter: true },
  { id: 'mql-to-sql', measure: FUNNEL.mqlToSqlRate, drill: FUNNEL.sqlCount, higherIsBetter: true, settlesAt: 'sql' },
  { id: 'close-rate', measure: FUNNEL.closeRate, drill: FUNNEL.wonCount, higherIsBetter: true, settlesAt: 'won' },
  { id: 'sla', measure: FUNNEL.slaComplianceRate, drill: FUNNEL.slaBreachedCount, higherIsBetter: true },
  { id: 'won-amount', measure: FUNNEL.wonAmount, drill: FUNNEL.wonCount, higherIsBetter: true, settlesAt: 'won' },
];

export interface HeadlineTilesProps {
  readonly filters: ResolvedFilters;
  readonly onDrill: OnDrill;
  readonly large?: boolean;
}

export function HeadlineTiles({ filters, onDrill, large }: HeadlineTilesProps) {
  const headline = useWithMeta(useHeadline(filters));
  const { data, meta } = headline;
  const note = comparisonNote(filters);
  const typical = useTypicalDays().data ?? null;
  const maturity = filters.dateRange && typical ? cohortMaturity(filters.dateRange, filters.asOf, typical) : null;
  return (
    <section className={`tiles${large ? ' tiles-large' : ''}`} aria-label="Headline measures" data-testid="headline-tiles">
      <QueryState query={headline} isEmpty={false} height={large ? 400 : 112}>
        {() =>
          meta &&
          TILES.map((t) => {
            const { name, format } = memberSeries(meta, t.measure);
            const current = data?.current[t.measure] ?? null;
            const previous = data?.previous?.[t.measure] ?? null;
            return (
              <StatTile
                key={t.id}
                testId={`tile-${t.id}`}
                label={name}
                value={formatValue(current, format, { compact: format === 'currency' })}
                delta={data?.previous ? formatDelta(current, previous, format) : null}
                comparedTo={data?.previousRange ? (note?.kind === 'compared' ? note.text : describeRange(data.previousRange)) : undefined}
                description={memberDescription(meta, t.measure) || null}
                higherIsBetter={t.higherIsBetter}
                immature={t.settlesAt && maturity && typical && !maturity[t.settlesAt] ? maturityNote(t.settlesAt, typical) : null}
                large={large ?? false}
                onClick={() =>
                  onDrill({
                    title: `${memberTitle(meta, t.drill, t.drill)} · ${describeRange(filters.dateRange)}`,
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
