// The SLA page's headline: compliance (met ÷ due) for the filters, with its parts. Labels,
// formats and descriptions are the model's (/meta).
import { QueryState } from '../../../components/query-state';
import { StatTile } from '../../../components/stat-tile';
import { memberDescription, memberSeries, useWithMeta } from '../../../lib/cube-meta';
import type { CubeMeta } from '../../../lib/cube-meta';
import { formatValue } from '../../../lib/format';
import type { ResolvedFilters } from '../../../lib/filters';
import { useSlaHeadline } from '../api/get-sla-headline';
import type { SlaHeadline as Headline } from '../api/get-sla-headline';
import { SALES_SLA } from '../api/members';

function Tiles({ meta, h }: { meta: CubeMeta; h: Headline }) {
  const tile = (member: string, value: number | null) => {
    const { name, format } = memberSeries(meta, member);
    return { label: name, value: formatValue(value, format), description: memberDescription(meta, member) };
  };
  const compliance = tile(SALES_SLA.complianceRate, h.compliance);
  return (
    <div className="tiles">
      <StatTile
        {...compliance}
        delta={null}
        large
        description={`${compliance.description} ${formatValue(h.met, 'integer')} of ${formatValue(h.due, 'integer')} leads whose deadline has passed.`}
        testId="sla-compliance"
      />
      <StatTile {...tile(SALES_SLA.metCount, h.met)} delta={null} />
      <StatTile {...tile(SALES_SLA.breachedCount, h.breached)} delta={null} description={`${memberDescription(meta, SALES_SLA.breachedCount)} The SLA due list below.`} />
      <StatTile {...tile(SALES_SLA.pendingCount, h.pending)} delta={null} />
    </div>
  );
}

export function SlaHeadline({ filters }: { filters: ResolvedFilters }) {
  const query = useWithMeta(useSlaHeadline(filters));
  const { data: h, meta } = query;
  return (
    <QueryState query={query} isEmpty={!h || h.due + h.pending === 0} emptyMessage="No handed-off leads in this period: nothing was due." height={110}>
      {() => (h && meta ? <Tiles meta={meta} h={h} /> : null)}
    </QueryState>
  );
}
