// The meeting pack: every slide on its own A4-landscape page, each with the period, the filters
// and the data's as-of date, for printing or saving as PDF from the browser (the print
// stylesheet puts one slide on each page and hides the toolbar).
import { useEffect } from 'react';
import type { Slide } from './meeting-deck';
import { SlideNotes } from './slide-notes';

export interface MeetingPackProps {
  readonly slides: readonly Slide[];
  /** Period and filters. */
  readonly context: string;
  readonly asOf: string | null;
  readonly onBack: () => void;
}

export function MeetingPack({ slides, context, asOf, onBack }: MeetingPackProps) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onBack();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onBack]);

  return (
    <div className="pack" data-testid="meeting-pack">
      <div className="pack-toolbar">
        <p>
          Meeting pack: {slides.length} slides, one per page. Print it, or choose “Save as PDF” as the printer.
        </p>
        <button type="button" className="button" onClick={() => window.print()} data-testid="pack-print">
          Print / save as PDF
        </button>
        <button type="button" className="button button-secondary" onClick={onBack}>
          Back to the deck <kbd>Esc</kbd>
        </button>
      </div>
      {slides.map((s, i) => (
        <section key={s.id} className="pack-page" aria-label={`Slide ${i + 1}: ${s.title}`} data-testid="pack-page">
          <header className="pack-header">
            <p className="meeting-section">{s.sectionTitle}</p>
            <h2 className="meeting-title">{s.title}</h2>
          </header>
          <div className="pack-body meeting-body">{s.render()}</div>
          <SlideNotes slide={s} className="pack-notes" />
          <footer className="pack-footer">
            <span>{context}</span>
            <span>
              {asOf ? `Data as of ${asOf} · ` : ''}
              {i + 1} / {slides.length}
            </span>
          </footer>
        </section>
      ))}
    </div>
  );
}
