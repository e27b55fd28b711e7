// A keyboard-friendly multi-select: a <details> disclosure with checkboxes.
import { useEffect, useRef } from 'react';

export interface MultiSelectProps {
  readonly label: string;
  readonly options: readonly string[];
  readonly selected: readonly string[];
  readonly onChange: (values: string[]) => void;
  readonly loading?: boolean;
  readonly error?: string | null;
  readonly testId?: string;
  /** Called when the menu opens (options can be fetched lazily). */
  readonly onOpen?: () => void;
}

export function MultiSelect({ label, options, selected, onChange, loading, error, testId, onOpen }: MultiSelectProps) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const close = (e: MouseEvent) => {
      if (ref.current?.open && !ref.current.contains(e.target as Node)) ref.current.open = false;
    };
    document.addEventListener('click', close);
    return () => document.removeEventListener('click', close);
  }, []);
  const summary = selected.length === 0 ? 'All' : selected.length === 1 ? selected[0] : `${selected.length} selected`;
  const all = [...new Set([...selected, ...options])];
  const toggle = (value: string, on: boolean) => onChange(on ? [...selected, value] : selected.filter((v) => v !== value));
  return (
    <details
      ref={ref}
      className={`multi-select${selected.length ? ' multi-select-active' : ''}`}
      data-testid={testId}
      onToggle={(e) => {
        if ((e.currentTarget as HTMLDetailsElement).open) onOpen?.();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && ref.current?.open) {
          e.stopPropagation();
          ref.current.open = false;
          ref.current.querySelector('summary')?.focus();
        }
      }}
    >
      <summary>
        <span className="multi-select-label">{label}</span>
        <span className="multi-select-value">{summary}</span>
      </summary>
      <div className="multi-select-menu" role="group" aria-label={label}>
        {loading ? <p className="muted">Loading…</p> : null}
        {error ? <p className="muted">Could not load values: {error}</p> : null}
        {all.map((value) => (
          <label key={value} className="checkbox">
            <input type="checkbox" checked={selected.includes(value)} onChange={(e) => toggle(value, e.target.checked)} />
            <span>{value}</span>
          </label>
        ))}
        {selected.length ? (
          <button type="button" className="link-button" onClick={() => onChange([])}>
            Clear {label.toLowerCase()}
          </button>
        ) : null}
      </div>
    </details>
  );
}
