// Meeting mode: a full-screen deck, one chart per slide, large type and high contrast.
// ←/→, PageUp/PageDown, Space, Home/End move; Esc leaves; optional auto-advance.
import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import type { ReactNode } from 'react';

export interface Slide {
  readonly id: string;
  /** Agenda section id (results, metrics, sla, feedback) and its title. */
  readonly section: string;
  readonly sectionTitle: string;
  readonly title: string;
  readonly render: () => ReactNode;
}

export interface MeetingDeckProps {
  readonly slides: readonly Slide[];
  readonly index: number;
  readonly onIndexChange: (index: number) => void;
  readonly onExit: () => void;
  /** Shown in the footer so the room knows what the numbers cover. */
  readonly context: string;
}

export const AUTO_ADVANCE_OPTIONS = [0, 15, 30, 60] as const;

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

export function MeetingDeck({ slides, index, onIndexChange, onExit, context }: MeetingDeckProps) {
  const [autoSeconds, setAutoSeconds] = useState<number>(0);
  const count = slides.length;
  const current = slides[Math.min(Math.max(index, 0), count - 1)];
  const go = useCallback((i: number) => onIndexChange(Math.min(Math.max(i, 0), count - 1)), [count, onIndexChange]);

  // One listener for the deck's lifetime, reading the slide on screen when the key arrives.
  // (A listener re-attached in an effect after each render kept the previous index for the
  // moment between the new title painting and the effect running, so a quick second key press
  // moved from the wrong slide.)
  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.target as HTMLElement | null;
    if (target && ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName)) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      onExit();
      return;
    }
    const next = nextIndex(e.key, index, count);
    if (next !== null) {
      e.preventDefault();
      go(next);
    }
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  // Leaving full screen with the browser's own Esc also leaves meeting mode.
  useEffect(() => {
    const onChange = () => {
      if (!document.fullscreenElement) onExit();
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, [onExit]);

  useEffect(() => {
    if (!autoSeconds) return;
    const timer = window.setTimeout(() => go(index + 1 < count ? index + 1 : 0), autoSeconds * 1000);
    return () => window.clearTimeout(timer);
  }, [autoSeconds, index, count, go]);

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
          <label>
            <span className="visually-hidden">Auto-advance</span>
            <select value={autoSeconds} onChange={(e) => setAutoSeconds(Number(e.target.value))} aria-label="Auto-advance">
              {AUTO_ADVANCE_OPTIONS.map((s) => (
                <option key={s} value={s}>
                  {s ? `Auto: every ${s}s` : 'Auto-advance off'}
                </option>
              ))}
            </select>
          </label>
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
      <div className="meeting-body" key={current.id} aria-roledescription="slide" aria-label={`${index + 1} of ${count}: ${current.title}`}>
        {current.render()}
      </div>
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
        <span>← → PageUp PageDown · Esc to leave</span>
      </footer>
    </div>
  );
}
