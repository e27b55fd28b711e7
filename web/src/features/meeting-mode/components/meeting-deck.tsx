// Meeting mode: a full-screen deck, one chart per slide, type scaled to the screen, high contrast.
// ←/→, PageUp/PageDown, Space, Home/End move and Esc leaves whatever has focus; N shows the
// presenter notes, P opens the meeting pack (every slide, one per printed page); optional
// auto-advance that waits while the presenter interacts.
import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { AUTO_ADVANCE_OPTIONS, autoAdvanceState } from './auto-advance';
import { SlideNotes } from './slide-notes';

export interface Slide {
  readonly id: string;
  /** Agenda section id (results, metrics, sla, feedback) and its title. */
  readonly section: string;
  readonly sectionTitle: string;
  readonly title: string;
  readonly render: () => ReactNode;
  /** Presenter notes: what the slide shows, then the model's description of each member. */
  readonly note?: string;
  readonly members?: readonly string[];
}

export interface MeetingDeckProps {
  readonly slides: readonly Slide[];
  readonly index: number;
  readonly onIndexChange: (index: number) => void;
  readonly onExit: () => void;
  /** Opens the meeting pack (every slide on its own printed page). */
  readonly onPrint: () => void;
  /** Shown in the footer so the room knows what the numbers cover. */
  readonly context: string;
}

/** The slide a key moves to, or null when the key does not navigate. */
export function nextIndex(key: string, index: number, count: number): number | null {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
    case ' ':
      return Math.min(count - 1, index + 1);
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
      return Math.max(0, index - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

export interface KeyTarget {
  readonly tagName: string;
  readonly type?: string;
  readonly isContentEditable?: boolean;
}

const TYPING_INPUTS = new Set(['text', 'search', 'email', 'number', 'password', 'tel', 'url', 'date', 'datetime-local', 'month', 'week', 'time']);

/**
 * Whether the deck takes a key pressed on `target`: always, except while typing in a text field,
 * and ↑/↓ on a focused dropdown (which change its choice). A focused button or dropdown no longer
 * swallows →, Space or Esc.
 */
export function deckTakesKey(key: string, target: KeyTarget | null): boolean {
  if (!target) return true;
  if (target.isContentEditable || target.tagName === 'TEXTAREA') return false;
  if (target.tagName === 'INPUT' && TYPING_INPUTS.has((target.type ?? 'text').toLowerCase())) return false;
  if (target.tagName === 'SELECT' && (key === 'ArrowUp' || key === 'ArrowDown')) return false;
  return true;
}

function AutoAdvance({ index, onAdvance }: { readonly index: number; readonly onAdvance: () => void }) {
  const [seconds, setSeconds] = useState<number>(0);
  const [now, setNow] = useState(() => Date.now());
  const shownAt = useRef(Date.now());
  const interactedAt = useRef<number | null>(null);
  const selectRef = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    shownAt.current = Date.now();
    interactedAt.current = null;
  }, [index]);

  // Any pointer movement, click, scroll or non-navigation key restarts the countdown.
  useEffect(() => {
    if (!seconds) return;
    const touch = () => {
      interactedAt.current = Date.now();
    };
    const onKey = (e: KeyboardEvent) => {
      if (nextIndex(e.key, 0, 2) === null) touch();
    };
    const events = ['pointermove', 'pointerdown', 'wheel'] as const;
    for (const name of events) window.addEventListener(name, touch, { passive: true });
    window.addEventListener('keydown', onKey);
    return () => {
      for (const name of events) window.removeEventListener(name, touch);
      window.removeEventListener('keydown', onKey);
    };
  }, [seconds]);

  const state = autoAdvanceState({ intervalMs: seconds * 1000, shownAt: shownAt.current, interactedAt: interactedAt.current }, now);
  const advance = useEffectEvent(onAdvance);
  useEffect(() => {
    if (!seconds) return;
    const timer = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(timer);
  }, [seconds]);
  useEffect(() => {
    if (state.due) {
      shownAt.current = Date.now();
      advance();
    }
  }, [state.due]);

  return (
    <>
      <label>
        <span className="visually-hidden">Auto-advance</span>
        <select
          ref={selectRef}
          value={seconds}
          onChange={(e) => {
            setSeconds(Number(e.target.value));
            shownAt.current = Date.now();
            interactedAt.current = null;
            setNow(Date.now());
            // Hand the keyboard back to the deck: a focused dropdown would otherwise keep it.
            e.currentTarget.blur();
          }}
          aria-label="Auto-advance"
          data-testid="meeting-auto"
        >
          {AUTO_ADVANCE_OPTIONS.map((s) => (
            <option key={s} value={s}>
              {s ? `Auto: every ${s}s` : 'Auto-advance off'}
            </option>
          ))}
        </select>
      </label>
      {state.secondsLeft !== null ? (
        <span className="meeting-auto-status" data-testid="meeting-auto-status" aria-live="off">
          {state.paused ? 'Paused' : `Next in ${state.secondsLeft}s`}
        </span>
      ) : null}
    </>
  );
}

export function MeetingDeck({ slides, index, onIndexChange, onExit, onPrint, context }: MeetingDeckProps) {
  const [notesOpen, setNotesOpen] = useState(false);
  const count = slides.length;
  const current = slides[Math.min(Math.max(index, 0), count - 1)];
  const go = useCallback((i: number) => onIndexChange(Math.min(Math.max(i, 0), count - 1)), [count, onIndexChange]);

  // One listener for the deck's lifetime, in the capture phase so it sees keys before a focused
  // control does, reading the slide on screen when the key arrives.
  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.target instanceof HTMLElement ? e.target : null;
    if (!deckTakesKey(e.key, target ? { tagName: target.tagName, type: (target as HTMLInputElement).type, isContentEditable: target.isContentEditable } : null)) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      onExit();
      return;
    }
    if (e.key === 'n' || e.key === 'N') {
      setNotesOpen((v) => !v);
      return;
    }
    if (e.key === 'p' || e.key === 'P') {
      onPrint();
      return;
    }
    const next = nextIndex(e.key, index, count);
    if (next !== null) {
      // Also stops a focused button from being clicked by Space.
      e.preventDefault();
      go(next);
    }
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey(e);
    window.addEventListener('keydown', listener, { capture: true });
    return () => window.removeEventListener('keydown', listener, { capture: true });
  }, []);

  // Leaving full screen with the browser's own Esc also leaves meeting mode.
  useEffect(() => {
    const onChange = () => {
      if (!document.fullscreenElement) onExit();
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, [onExit]);

  if (!current) return null;
  return (
    <div className="meeting" role="region" aria-roledescription="slide deck" aria-label="Meeting mode" data-testid="meeting">
      <header className="meeting-top">
        <div>
          <p className="meeting-section" data-testid="meeting-section">
            {current.sectionTitle}
          </p>
          <h1 className="meeting-title" data-testid="meeting-title" aria-live="polite">
            {current.title}
          </h1>
        </div>
        <div className="meeting-controls">
          <AutoAdvance index={index} onAdvance={() => go(index + 1 < count ? index + 1 : 0)} />
          <button type="button" className="button button-secondary" onClick={() => setNotesOpen((v) => !v)} aria-pressed={notesOpen} aria-keyshortcuts="N" data-testid="meeting-notes-toggle">
            Notes
          </button>
          <button type="button" className="button button-secondary" onClick={onPrint} aria-keyshortcuts="P" data-testid="meeting-print">
            Print pack
          </button>
          <button type="button" className="button button-secondary" onClick={() => go(index - 1)} disabled={index === 0} aria-label="Previous slide">
            ←
          </button>
          <span data-testid="meeting-position">
            {index + 1} / {count}
          </span>
          <button type="button" className="button button-secondary" onClick={() => go(index + 1)} disabled={index >= count - 1} aria-label="Next slide">
            →
          </button>
          <button type="button" className="button" onClick={onExit}>
            Exit <kbd>Esc</kbd>
          </button>
        </div>
      </header>
      <div className="meeting-body" key={current.id} aria-roledescription="slide" aria-label={`${index + 1} of ${count}: ${current.title}`} data-testid="meeting-body">
        {current.render()}
      </div>
      {notesOpen ? <SlideNotes slide={current} className="meeting-notes" /> : null}
      <nav className="meeting-progress" aria-label="Slides">
        {slides.map((s, i) => (
          <button
            key={s.id}
            type="button"
            className={`meeting-dot${i === index ? ' meeting-dot-current' : i < index ? ' meeting-dot-done' : ''}`}
            aria-label={`Slide ${i + 1}: ${s.title}`}
            aria-current={i === index ? 'step' : undefined}
            onClick={() => go(i)}
          />
        ))}
      </nav>
      <footer className="meeting-footer">
        <span className="meeting-filters">{context}</span>
        <span>← → Space · N notes · P print pack · Esc to leave</span>
      </footer>
    </div>
  );
}
