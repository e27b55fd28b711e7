// Headline tiles: MQLs, acceptance, MQL→SQL, close rate, SLA compliance, won amount, each with
// the change against the comparison period (like with like; none when its base is before the
// data, said once below the tiles). A tile drills down to the leads behind it; a rate's info
// button says what it divides by what (from the model) and links to its definition. Labels,
// formats and descriptions are the model's (/meta). Counted by MQL cohort, or (`basis` period)
// each number by its own date.
import { RateDefinition } from '../../../components/rate-definition';
import { StatTile } from '../../../components/stat-tile';
import { QueryState } from '../../../components/query-state';
import { memberDescription, memberSeries, memberTitle, useWithMeta } from '../../../lib/cube-meta';
import { comparisonNote, describeRange } from '../../../lib/filters';
import type { ResolvedFilters } from '../../../lib/filters';
import { formatDelta, formatValue } from '../../../lib/format';
import type { OnDrill } from '../../../lib/drill';
import { definitionHref } from '../../../lib/definitions';
import { useHeadline } from '../api/get-headline';
import type { HeadlineMeasure } from '../api/get-headline';
import { PERIOD_TILES, usePeriodHeadline } from '../api/get-period-headline';
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

export type CountBasis = 'cohort' | 'period';

/** How the tiles count, in words (said above them). */
export const BASIS_TEXT: Readonly<Record<CountBasis, string>> = {
  cohort: 'By MQL cohort: the leads whose MQL date is in the period, followed to every later stage.',
  period: 'Each stage in its own period: MQLs, SALs, SQLs and closes counted by the date each happened, SLA compliance by handoff date, won revenue by won date.',
};

export interface HeadlineTilesProps {
  readonly filters: ResolvedFilters;
  readonly onDrill: OnDrill;
  readonly large?: boolean;
  /** Cohort (by MQL date, the default) or period (each number by its own date). */
  readonly basis?: CountBasis;
}

export function HeadlineTiles({ filters, onDrill, large, basis = 'cohort' }: HeadlineTilesProps) {
  const byPeriod = basis === 'period';
  const cohortHeadline = useHeadline(filters);
  const periodHeadline = usePeriodHeadline(filters, byPeriod);
  const headline = useWithMeta(byPeriod ? periodHeadline : cohortHeadline);
  const { data, meta } = headline;
  const note = comparisonNote(filters);
  const typical = useTypicalDays().data ?? null;
  // Young cohorts only: a period count is complete for its days.
  const maturity = !byPeriod && filters.dateRange && typical ? cohortMaturity(filters.dateRange, filters.asOf, typical) : null;
  return (
    <section className={`tiles${large ? ' tiles-large' : ''}`} aria-label="Headline measures" data-testid="headline-tiles" data-basis={basis}>
      {large ? null : (
        <p className="tiles-basis" data-testid="tiles-basis">
          {BASIS_TEXT[basis]}
        </p>
      )}
      <QueryState query={headline} isEmpty={false} height={large ? 400 : 112}>
        {() =>
          meta &&
          TILES.map((t) => {
            const periodTile = PERIOD_TILES[t.measure];
            const member = byPeriod ? periodTile.member : t.measure;
            const { name: title, format } = memberSeries(meta, member);
            const drill = byPeriod ? periodTile.drill : t.drill;
            const current = data?.current[t.measure] ?? null;
            const previous = data?.previous?.[t.measure] ?? null;
            const label = byPeriod && periodTile.countedBy ? `${title} (${periodTile.countedBy})` : title;
            const info = meta.members.get(member);
            const drillDate = byPeriod ? periodTile.drillDate : FUNNEL.mqlDate;
            return (
              <StatTile
                key={t.id}
                testId={`tile-${t.id}`}
                label={label}
                value={formatValue(current, format, { compact: format === 'currency' })}
                delta={data?.previous ? formatDelta(current, previous, format) : null}
                comparedTo={data?.previousRange ? (note?.kind === 'compared' ? note.text : describeRange(data.previousRange)) : undefined}
                description={memberDescription(meta, member) || null}
                higherIsBetter={t.higherIsBetter}
                immature={t.settlesAt && maturity && typical && !maturity[t.settlesAt] ? maturityNote(t.settlesAt, typical) : null}
                large={large ?? false}
                info={
                  info?.ratio && !large ? (
                    <RateDefinition
                      label={label}
                      numerator={info.ratio.numerator}
                      denominator={info.ratio.denominator}
                      description={info.description}
                      basis={BASIS_TEXT[basis]}
                      href={definitionHref(member)}
                      testId={`tile-${t.id}-definition`}
                    />
                  ) : null
                }
                onClick={() =>
                  onDrill({
                    title: `${memberTitle(meta, drill, drill)}${byPeriod ? ' · by their own date' : ''} · ${describeRange(filters.dateRange)}`,
                    measure: drill,
                    filters: funnelFilters(filters),
                    timeDimensions: byPeriod ? (filters.dateRange ? [{ dimension: drillDate, dateRange: [filters.dateRange[0], filters.dateRange[1]] }] : []) : mqlCohort(filters.dateRange),
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
