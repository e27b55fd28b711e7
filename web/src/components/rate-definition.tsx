// A rate's definition on demand: an info button beside the rate opens a popover (the browser's
// own `popover`: Esc and a click outside close it, and it is next in the tab order after its
// button) with what the rate divides by what, the model's description, and a link to the
// definition on the Agreement page. The words come from the model (`meta.numerator` /
// `meta.denominator`, `description`), passed in.
import { useId, useRef } from 'react';
import type { ToggleEvent } from 'react';
import { Link } from 'react-router-dom';

export interface RateDefinitionProps {
  /** The rate's name as the tile shows it. */
  readonly label: string;
  readonly numerator: string;
  readonly denominator: string;
  readonly description: string | null;
  /** How the numbers are counted (by MQL cohort, each stage in its own period), when it matters. */
  readonly basis?: string | null;
  readonly href: string;
  readonly testId?: string;
}

export function RateDefinition({ label, numerator, denominator, description, basis, href, testId }: RateDefinitionProps) {
  const id = `rate-definition-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const button = useRef<HTMLButtonElement>(null);
  // Opened in the top layer: placed under its button, kept inside the window.
  const place = (event: ToggleEvent<HTMLDivElement>) => {
    if (event.newState !== 'open' || !button.current) return;
    const at = button.current.getBoundingClientRect();
    const box = event.currentTarget;
    const width = Math.min(340, window.innerWidth - 16);
    box.style.width = `${width}px`;
    box.style.left = `${Math.max(8, Math.min(at.right - width, window.innerWidth - width - 8))}px`;
    box.style.top = `${at.bottom + 6}px`;
  };
  return (
    <>
      <button ref={button} type="button" className="rate-info-button" popoverTarget={id} aria-label={`${label}: what it divides by what`} data-testid={testId}>
        i
      </button>
      <div id={id} popover="auto" role="dialog" aria-label={`${label}: definition`} className="rate-popover" onToggle={place} data-testid={testId ? `${testId}-popover` : undefined}>
        <p className="rate-popover-title">{label}</p>
        <p className="rate-popover-fraction" aria-label={`${numerator} divided by ${denominator}`}>
          <span data-testid={testId ? `${testId}-numerator` : undefined}>{numerator}</span>
          <span className="rate-popover-over" aria-hidden="true">÷</span>
          <span data-testid={testId ? `${testId}-denominator` : undefined}>{denominator}</span>
        </p>
        {basis ? <p className="rate-popover-basis">{basis}</p> : null}
        {description ? <p className="rate-popover-description">{description}</p> : null}
        <Link to={href} className="rate-popover-link">
          Definition in the agreement
        </Link>
      </div>
    </>
  );
}
