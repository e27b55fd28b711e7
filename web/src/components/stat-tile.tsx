// A headline number with its change against the previous period. Clicking drills down; `info`
// (a rate's definition button) sits in the tile's corner, outside the drill button.
import type { ReactNode } from 'react';
import type { Delta } from '../lib/format';

export interface StatTileProps {
  readonly label: string;
  readonly value: string;
  readonly delta: Delta | null;
  /** Whether a rise is good news (colours the change). */
  readonly higherIsBetter?: boolean;
  readonly description?: string | null;
  readonly comparedTo?: string;
  /** Why the value has not settled yet (a young cohort): shown as a "not yet mature" mark, and the change is not coloured. */
  readonly immature?: string | null;
  readonly onClick?: () => void;
  readonly large?: boolean;
  readonly testId?: string;
  /** A control beside the tile (e.g. the rate's definition), not inside its drill button. */
  readonly info?: ReactNode;
}

export function StatTile({ label, value, delta, higherIsBetter = true, description, comparedTo, immature, onClick, large, testId, info }: StatTileProps) {
  const tone =
    immature || !delta || delta.direction === null || delta.direction === 'flat'
      ? 'neutral'
      : (delta.direction === 'up') === higherIsBetter
        ? 'good'
        : 'bad';
  const arrow = delta?.direction === 'up' ? '▲' : delta?.direction === 'down' ? '▼' : '';
  const body = (
    <>
      <span className="tile-label">
        {label}
        {immature ? (
          <span className="tile-immature" title={immature} data-testid={testId ? `${testId}-immature` : undefined}>
            not yet mature
          </span>
        ) : null}
      </span>
      <span className="tile-value key-figure" data-testid={testId ? `${testId}-value` : undefined}>
        {value}
      </span>
      {delta && delta.direction === null ? (
        <span className="tile-delta tile-delta-neutral">
          <span className="tile-compared">No data to compare{comparedTo ? ` in ${comparedTo}` : ''}</span>
        </span>
      ) : delta ? (
        <span className={`tile-delta tile-delta-${tone}`}>
          {arrow ? <span aria-hidden="true">{arrow} </span> : null}
          {delta.text}
          {comparedTo ? <span className="tile-compared"> vs {comparedTo}</span> : null}
        </span>
      ) : null}
    </>
  );
  const className = `tile${large ? ' tile-large' : ''}${info ? ' tile-with-info' : ''}`;
  const tile = onClick ? (
    <button type="button" className={`${className} tile-button`} onClick={onClick} title={[description, immature].filter(Boolean).join('\n') || undefined} data-testid={testId}>
      {body}
    </button>
  ) : (
    <div className={className} title={description ?? undefined} data-testid={testId}>
      {body}
    </div>
  );
  return info ? (
    <div className="tile-wrap">
      {tile}
      <div className="tile-info">{info}</div>
    </div>
  ) : (
    tile
  );
}
