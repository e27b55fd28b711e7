// Headline tiles: MQLs, acceptance, MQL→SQL, close rate, SLA compliance, won amount, each with
// the change against the comparison period (like with like; none when its base is before the
// data, said once below the tiles). A tile drills down to the leads behind it; a rate's info
// button says what it divides by what (from the model) and links to its definition. Counted by
// MQL cohort, or (`basis` period) each number by its own date.
import { RateDefinition } from '../../../components/rate-definition';
import { StatTile } from '../../../components/stat-tile';
import { QueryState } from '../../../components/query-state';
import { memberFormat, memberTitle, useMeta } from '../../../lib/cube-meta';
import { comparisonNote, describeRange } from '../../../lib/filters';
import type { ResolvedFilters } from '../../../lib/filters';
import { formatDelta, formatValue } from '../../../lib/format';
import type { ValueFormat } from '../../../lib/format';
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
  const headline = byPeriod ? periodHeadline : cohortHeadline;
  const meta = useMeta().data;
  const data = headline.data;
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
          TILES.map((t) => {
            const periodTile = PERIOD_TILES[t.measure];
            const member = byPeriod ? periodTile.member : t.measure;
            const format = memberFormat(meta, member, t.format);
            const current = data?.current[t.measure] ?? null;
            const previous = data?.previous?.[t.measure] ?? null;
            const title = memberTitle(meta, member, t.label);
            const label = byPeriod && periodTile.countedBy ? `${title} (${periodTile.countedBy})` : title;
            const info = meta?.members.get(member);
            const drillDate = byPeriod ? periodTile.drillDate : FUNNEL.mqlDate;
            return (
              <StatTile
                key={t.id}
                testId={`tile-${t.id}`}
                label={label}
                value={formatValue(current, format, { compact: format === 'currency' })}
                delta={data?.previous ? formatDelta(current, previous, format) : null}
                comparedTo={data?.previousRange ? (note?.kind === 'compared' ? note.text : describeRange(data.previousRange)) : undefined}
                description={info?.description ?? null}
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
                    title: `${t.drillTitle}${byPeriod ? ' · by their own date' : ''} · ${describeRange(filters.dateRange)}`,
                    measure: byPeriod ? periodTile.drill : t.drill,
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
