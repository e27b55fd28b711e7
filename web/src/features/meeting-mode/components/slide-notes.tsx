// Presenter notes for a slide: what it shows, then the model's description of each measure on it
// (from Cube's /meta, so the notes say what the definitions in model/ say).
import { useMeta } from '../../../lib/cube-meta';
import type { MetaIndex } from '../../../lib/cube-meta';

export interface NoteSource {
  readonly note?: string;
  readonly members?: readonly string[];
}

export interface NoteLine {
  readonly title: string | null;
  readonly text: string;
}

/** The slide's note, then "Title: description" for each member the model describes (once each). */
export function slideNotes(slide: NoteSource, meta: MetaIndex | undefined): NoteLine[] {
  const lines: NoteLine[] = slide.note ? [{ title: null, text: slide.note }] : [];
  const seen = new Set<string>();
  for (const member of slide.members ?? []) {
    const m = meta?.get(member);
    if (!m?.description || seen.has(m.description)) continue;
    seen.add(m.description);
    lines.push({ title: m.shortTitle, text: m.description });
  }
  return lines;
}

export function SlideNotes({ slide, className }: { readonly slide: NoteSource; readonly className: string }) {
  const meta = useMeta().data;
  const lines = slideNotes(slide, meta?.members);
  return (
    <aside className={className} aria-label="Presenter notes" data-testid="slide-notes">
      {lines.length === 0 ? (
        <p>No notes for this slide.</p>
      ) : (
        <ul>
          {lines.map((l) => (
            <li key={`${l.title ?? ''}${l.text}`}>
              {l.title ? <strong>{l.title}: </strong> : null}
              {l.text}
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
