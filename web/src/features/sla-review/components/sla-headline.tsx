// The SLA page's headline: compliance (met ÷ due) for the filters, with its parts.
import { QueryState } from '../../../components/query-state';
import { StatTile } from '../../../components/stat-tile';
import { formatValue } from '../../../lib/format';
import type { ResolvedFilters } from '../../../lib/filters';
import { useSlaHeadline } from '../api/get-sla-headline';

export function SlaHeadline({ filters }: { filters: ResolvedFilters }) {
  const query = useSlaHeadline(filters);
  const h = query.data;
  return (
    <QueryState query={query} isEmpty={!h || h.due + h.pending === 0} emptyMessage="No handed-off leads in this period: nothing was due." height={110}>
      {() =>
        h ? (
          <div className="tiles">
            <StatTile
              label="Sales SLA compliance"
              value={formatValue(h.compliance, 'percent')}
              delta={null}
              large
              description={`Met ÷ (met + missed): ${h.met.toLocaleString('en-US')} of ${h.due.toLocaleString('en-US')} leads whose deadline has passed. Pending leads are left out.`}
              testId="sla-compliance"
            />
            <StatTile label="Met" value={h.met.toLocaleString('en-US')} delta={null} description="First touch within the agreed hours of handoff." />
            <StatTile label="Missed (SLA due)" value={h.breached.toLocaleString('en-US')} delta={null} description="Touched after the deadline, or not at all: the SLA due list below." />
            <StatTile label="Pending" value={h.pending.toLocaleString('en-US')} delta={null} description="Not touched yet, and the deadline has not passed." />
          </div>
        ) : null
      }
    </QueryState>
  );
}
