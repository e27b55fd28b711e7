// Auto-advance timing, pure so it is tested without a clock: the countdown starts when a slide
// appears and starts again whenever the presenter interacts (moves the pointer, clicks, scrolls,
// presses a key that does not change slides), so the deck never moves on while someone points
// at a bar or reads a tooltip.

/** Intervals offered, in seconds (0 = off). */
export const AUTO_ADVANCE_OPTIONS = [0, 15, 30, 60] as const;

/** The status line shows "Paused" for this long after the last interaction. */
export const PAUSED_FOR_MS = 3000;

export interface AutoAdvanceClock {
  /** Interval in ms (0 = off). */
  readonly intervalMs: number;
  /** When the current slide appeared. */
  readonly shownAt: number;
  /** When the presenter last interacted, if ever. */
  readonly interactedAt: number | null;
}

export interface AutoAdvanceState {
  /** Time to move to the next slide. */
  readonly due: boolean;
  /** Whole seconds until then (rounded up), null when off. */
  readonly secondsLeft: number | null;
  /** The presenter interacted a moment ago: the countdown restarted. */
  readonly paused: boolean;
}

export function autoAdvanceState(clock: AutoAdvanceClock, now: number): AutoAdvanceState {
  if (clock.intervalMs <= 0) return { due: false, secondsLeft: null, paused: false };
  const since = Math.max(clock.shownAt, clock.interactedAt ?? Number.NEGATIVE_INFINITY);
  const left = since + clock.intervalMs - now;
  return {
    due: left <= 0,
    secondsLeft: Math.max(0, Math.ceil(left / 1000)),
    paused: clock.interactedAt !== null && clock.interactedAt > clock.shownAt && now - clock.interactedAt < PAUSED_FOR_MS,
  };
}
