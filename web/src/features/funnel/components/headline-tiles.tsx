// Headline tiles: MQLs, acceptance, MQL→SQL, close rate, SLA compliance, won amount, each with
// the change against the previous period. A tile drills down to the leads behind it.
import { StatTile } from '../../../components/stat-tile';
import { QueryState } from '../../../components/query-state';
import { memberFormat, memberTitle, useMeta } from '../../../lib/cube-meta';
import { describeRange } from '../../../lib/filters';
import type { ResolvedFilters } from '../../../lib/filters';
import { formatDelta, formatValue } from '../../../lib/format';
import type { ValueFormat } from '../../../lib/format';
import type { OnDrill } from '../../../lib/drill';
import { useHeadline } from '../api/get-headline';
import type { HeadlineMeasure } from '../api/get-headline';
import { FUNNEL, funnelFilters, mqlCohort } from '../api/members';

interface TileSpec {
  readonly measure: HeadlineMeasure;
  readonly label: string;
  readonly format: ValueFormat;
  readonly drill: string;
  readonly drillTitle: string;
  readonly higherIsBetter: boolean;
  readonly id: string;
}

export const TILES: readonly TileSpec[] = [
  { id: 'mqls', measure: FUNNEL.mqlCount, label: 'MQLs', format: 'integer', drill: FUNNEL.mqlCount, drillTitle: 'MQLs', higherIsBetter: true },
  { id: 'acceptance', measure: FUNNEL.acceptanceRate, label: 'Acceptance rate', format: 'percent', drill: FUNNEL.salCount, drillTitle: 'Accepted leads (SAL)', higherIsBetter: true },
  { id: 'mql-to-sql', measure: FUNNEL.mqlToSqlRate, label: 'MQL → SQL rate', format: 'percent', drill: FUNNEL.sqlCount, drillTitle: 'SQLs', higherIsBetter: true },
  { id: 'close-rate', measure: FUNNEL.closeRate, label: 'Close rate', format: 'percent', drill: FUNNEL.wonCount, drillTitle: 'Won leads', higherIsBetter: true },
  { id: 'sla', measure: FUNNEL.slaComplianceRate, label: 'Sales SLA compliance', format: 'percent', drill: FUNNEL.slaBreachedCount, drillTitle: 'SLA breaches', higherIsBetter: true },
  { id: 'won-amount', measure: FUNNEL.wonAmount, label: 'Won amount', format: 'currency', drill: FUNNEL.wonCount, drillTitle: 'Won leads', higherIsBetter: true },
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
                comparedTo={data?.previousRange ? describeRange(data.previousRange) : undefined}
                description={meta?.members.get(t.measure)?.description ?? null}
                higherIsBetter={t.higherIsBetter}
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
    </section>
  );
}
