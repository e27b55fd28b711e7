import { describe, expect, it } from 'vitest';
import { autoAdvanceState } from './auto-advance';

describe('autoAdvanceState', () => {
  const cases = [
    { name: 'off never advances', clock: { intervalMs: 0, shownAt: 0, interactedAt: null }, now: 999_999, expected: { due: false, secondsLeft: null, paused: false } },
    { name: 'counts down from the slide appearing', clock: { intervalMs: 15_000, shownAt: 1_000, interactedAt: null }, now: 5_000, expected: { due: false, secondsLeft: 11, paused: false } },
    { name: 'due once the interval has passed', clock: { intervalMs: 15_000, shownAt: 1_000, interactedAt: null }, now: 16_000, expected: { due: true, secondsLeft: 0, paused: false } },
    { name: 'an interaction restarts the countdown (not due at 15 s)', clock: { intervalMs: 15_000, shownAt: 0, interactedAt: 10_000 }, now: 15_000, expected: { due: false, secondsLeft: 10, paused: false } },
    { name: 'paused right after an interaction', clock: { intervalMs: 15_000, shownAt: 0, interactedAt: 14_000 }, now: 15_000, expected: { due: false, secondsLeft: 14, paused: true } },
    { name: 'due a full interval after the last interaction', clock: { intervalMs: 15_000, shownAt: 0, interactedAt: 14_000 }, now: 29_000, expected: { due: true, secondsLeft: 0, paused: false } },
    { name: 'an interaction before the slide appeared does not count', clock: { intervalMs: 30_000, shownAt: 20_000, interactedAt: 19_000 }, now: 21_000, expected: { due: false, secondsLeft: 29, paused: false } },
  ];
  for (const c of cases) it(c.name, () => expect(autoAdvanceState(c.clock, c.now)).toEqual(c.expected));
});
