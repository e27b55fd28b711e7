// Deliberate data defects. Each kind is injected a fixed number of times, at fixed relative
// positions in the person sequence (so the count does not depend on --leads, as long as there
// are enough eligible records), and every injection is recorded with file, physical line and id.

export type DefectKind =
  | 'lead-created-date-impossible'
  | 'lead-created-date-us-format'
  | 'opportunity-amount-thousands-separator'
  | 'opportunity-amount-negative'
  | 'task-unquoted-comma-extra-field'
  | 'marketo-activity-missing-field'
  | 'hubspot-deal-amount-thousands-separator'
  | 'hubspot-deal-close-date-unparsable';

/** Where each kind goes: one entry per injection, as a fraction of the person sequence. */
export const DEFECT_PLAN: readonly { readonly kind: DefectKind; readonly at: number }[] = [
  { kind: 'lead-created-date-impossible', at: 0.2 },
  { kind: 'lead-created-date-us-format', at: 0.6 },
  { kind: 'opportunity-amount-thousands-separator', at: 0.15 },
  { kind: 'opportunity-amount-thousands-separator', at: 0.45 },
  { kind: 'opportunity-amount-thousands-separator', at: 0.75 },
  { kind: 'opportunity-amount-negative', at: 0.5 },
  { kind: 'task-unquoted-comma-extra-field', at: 0.35 },
  { kind: 'marketo-activity-missing-field', at: 0.55 },
  { kind: 'hubspot-deal-amount-thousands-separator', at: 0.4 },
  { kind: 'hubspot-deal-close-date-unparsable', at: 0.6 },
];

export interface DefectRecord {
  readonly kind: DefectKind;
  /** File path relative to the output directory. */
  readonly file: string;
  /** Physical line the record starts on (1 = header). */
  readonly line: number;
  /** 1-based data row (record) number; DuckDB's reject_errors.line is this + 1 (header). */
  readonly row: number;
  /** The record's id in its system. */
  readonly recordId: string;
  readonly value: string;
}

export interface DefectTracker {
  /** True (and consumes one injection) when an unused injection of `kind` is due at this position. */
  take(kind: DefectKind, position: number, total: number): boolean;
  record(entry: DefectRecord): void;
  readonly applied: readonly DefectRecord[];
}

export function createDefectTracker(kinds: readonly DefectKind[]): DefectTracker {
  const pending = DEFECT_PLAN.filter((d) => kinds.includes(d.kind)).map((d) => ({ ...d, used: false }));
  const applied: DefectRecord[] = [];
  return {
    take(kind, position, total) {
      for (const d of pending) {
        if (!d.used && d.kind === kind && position >= Math.floor(d.at * total)) {
          d.used = true;
          return true;
        }
      }
      return false;
    },
    record: (entry) => applied.push(entry),
    applied,
  };
}
