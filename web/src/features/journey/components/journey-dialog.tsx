// One deal's journey over the page: its touches on a timeline with the milestones, and each
// model's credit per touch (tooltip and table). Opened from `?deal=<id>`; Esc or Close closes it.
import { useEffect, useMemo, useRef, useState } from 'react';
import { ChartPanel } from '../../../components/chart-panel';
import { DataTable } from '../../../components/data-table';
import { QueryState } from '../../../components/query-state';
import { useKnownValues, useMeta } from '../../../lib/cube-meta';
import type { ValueLabel } from '../../../lib/cube-meta';
import { formatTimestamp, formatValue } from '../../../lib/format';
import { J, useJourney, type Journey } from '../api/get-journey';
import { datedTouches, isUnattributed, journeyChartOption, journeyMilestones, journeyTable } from './journey-data';

export interface JourneyDialogProps {
  readonly opportunityId: string;
  /** The model whose share sizes the timeline's dots (the page's model when it has one). */
  readonly model: string;
  readonly onClose: () => void;
}

/** The models in the model's order (its `meta.values`), else the ones the deal's rows name. */
function modelsOf(known: readonly ValueLabel[], journey: Journey | undefined): readonly ValueLabel[] {
  if (known.length > 0) return known;
  const seen = new Set<string>();
  for (const t of journey?.touches ?? []) for (const m of Object.keys(t.credit)) seen.add(m);
  return [...seen].sort().map((m) => ({ value: m, label: m }));
}

export function JourneyDialog({ opportunityId, model, onClose }: JourneyDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const journey = useJourney(opportunityId);
  const known = useKnownValues(J.model);
  const data = journey.data;
  const models = useMemo(() => modelsOf(known, data), [known, data]);
  const [sizeBy, setSizeBy] = useState(model);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  const option = useMemo(() => (data && datedTouches(data).length > 0 ? journeyChartOption({ journey: data, models, sizeBy }) : null), [data, models, sizeBy]);
  const meta = useMeta().data;
  const table = useMemo(() => (data && meta ? journeyTable(meta, data, models) : null), [data, meta, models]);
  const deal = data?.deal ?? null;
  const milestones = data ? journeyMilestones(data) : [];
  const touchCount = data ? datedTouches(data).length : 0;
  const title = deal?.name ?? opportunityId;
  const sizeLabel = models.find((m) => m.value === sizeBy)?.label ?? sizeBy;

  return (
    <dialog
      ref={ref}
      className="drill-dialog journey-dialog"
      aria-labelledby="journey-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        if (e.target === ref.current) onClose();
      }}
      data-testid="journey"
    >
      <div className="drill-inner">
        <header className="drill-header">
          <div>
            <p className="eyebrow">Deal journey</p>
            <h2 id="journey-title">{title}</h2>
            {deal ? (
              <p className="muted" data-testid="journey-summary">
                {[
                  deal.outcome ? `${deal.outcome[0]?.toUpperCase() ?? ''}${deal.outcome.slice(1)}` : null,
                  deal.amount !== null ? formatValue(deal.amount, 'currency') : null,
                  deal.leadName ?? deal.company ? [deal.leadName, deal.company].filter(Boolean).join(', ') : null,
                  `${touchCount} ${touchCount === 1 ? 'touch' : 'touches'} credited`,
                  opportunityId,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
            ) : null}
          </div>
          <div className="drill-actions">
            <button type="button" className="button button-secondary" onClick={onClose} aria-label="Close journey" aria-keyshortcuts="Escape">
              Close
            </button>
          </div>
        </header>
        <QueryState
          query={journey}
          isEmpty={!deal}
          emptyMessage={`No deal ${opportunityId} in the attribution data: check the link, or rebuild the warehouse if the deal is new.`}
          height={320}
        >
          {() =>
            data && table ? (
              <>
                {milestones.length > 0 ? (
                  <ol className="journey-milestones" data-testid="journey-milestones" aria-label="Milestones">
                    {milestones.map((m) => (
                      <li key={m.key} data-milestone={m.key}>
                        <span className="muted">{m.label}</span> {formatTimestamp(m.at)}
                      </li>
                    ))}
                  </ol>
                ) : null}
                {isUnattributed(data) ? (
                  <div className="panel-state panel-empty" data-testid="journey-empty">
                    <p className="panel-state-title">No marketing touch in this deal's window</p>
                    <p>
                      {deal?.leadName || deal?.leadCreatedAt
                        ? "Its lead has no touch in the agreement's lookback window before the opportunity was created, "
                        : 'The deal has no converted lead, '}
                      so every model credits its {deal?.amount !== null && deal?.amount !== undefined ? formatValue(deal.amount, 'currency') : 'amount'} to “(unattributed)”.
                    </p>
                  </div>
                ) : (
                  <ChartPanel
                    testId="journey-timeline"
                    title="Touches on a timeline"
                    description={`One row per channel; dot size is the touch's share under ${sizeLabel}. Dashed lines mark the milestones. Hover a touch for every model's credit.`}
                    query={journey}
                    option={option}
                    table={table}
                    height={Math.max(220, new Set(datedTouches(data).map((t) => t.channel)).size * 56 + 110)}
                    toolbar={
                      <label className="journey-size-by">
                        Dot size{' '}
                        <select value={sizeBy} onChange={(e) => setSizeBy(e.target.value)}>
                          {models.map((m) => (
                            <option key={m.value} value={m.value}>
                              {m.label}
                            </option>
                          ))}
                        </select>
                      </label>
                    }
                  />
                )}
                <section aria-labelledby="journey-credit-title" data-testid="journey-credit">
                  <h3 id="journey-credit-title" className="journey-subtitle">
                    Each model's credit per touch
                  </h3>
                  <p className="muted">Every column sums to 100% of the deal: the models split the same amount differently.</p>
                  <DataTable data={table} caption={`Credit per touch of ${title}`} />
                </section>
              </>
            ) : null
          }
        </QueryState>
      </div>
    </dialog>
  );
}
