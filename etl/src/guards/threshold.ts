/**
 * dbt-style severity conditions for quarantined rows of one file: `"> 0"`, `">= 50"`,
 * `"> 5%"` (a share of the file's rows read). `warn_if` reports, `error_if` stops the build.
 */
export interface Threshold {
  readonly op: '>' | '>=';
  readonly value: number;
  /** `value` is a percentage of the file's rows read. */
  readonly percent: boolean;
  /** As written, for messages. */
  readonly text: string;
}

export interface QuarantineRules {
  readonly warnIf: Threshold | null;
  readonly errorIf: Threshold | null;
}

export interface QuarantineThresholds {
  /** For every file… */
  readonly defaults: QuarantineRules;
  /** …unless its export format (e.g. `salesforce__lead`) has its own rule. */
  readonly byExport: Readonly<Record<string, Partial<QuarantineRules>>>;
  /** Percentage conditions apply only to files with at least this many rows read (1 bad row of 7 is not 14% of anything). */
  readonly percentMinRows: number;
}

/**
 * Defaults (README, "Guards"): any quarantined row is a warning; more than 5% of a file of
 * 100 rows or more stops the build.
 */
export const DEFAULT_QUARANTINE: QuarantineThresholds = {
  defaults: { warnIf: { op: '>', value: 0, percent: false, text: '> 0' }, errorIf: { op: '>', value: 5, percent: true, text: '> 5%' } },
  byExport: {},
  percentMinRows: 100,
};

const PATTERN = /^\s*(>=?)\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/;

/** Parses `"> 5%"`; undefined when the text is not a condition (the agreement loader reports it). */
export function parseThreshold(text: unknown): Threshold | undefined {
  const source = typeof text === 'number' ? `> ${text}` : text;
  if (typeof source !== 'string') return undefined;
  const m = PATTERN.exec(source);
  if (!m) return undefined;
  const value = Number(m[2]);
  const percent = m[3] === '%';
  if (percent && value > 100) return undefined;
  return { op: m[1] === '>=' ? '>=' : '>', value, percent, text: source.trim() };
}

/** True when `quarantined` of `read` rows meets the condition. */
export function exceeds(threshold: Threshold, quarantined: number, read: number, percentMinRows = 0): boolean {
  if (threshold.percent && read < percentMinRows) return false;
  const measured = threshold.percent ? (read === 0 ? 0 : (100 * quarantined) / read) : quarantined;
  return threshold.op === '>' ? measured > threshold.value : measured >= threshold.value;
}

/** The rules that apply to files of `format`. */
export function rulesFor(thresholds: QuarantineThresholds, format: string | null): QuarantineRules {
  const own = format === null ? undefined : thresholds.byExport[format];
  return {
    warnIf: own?.warnIf !== undefined ? own.warnIf : thresholds.defaults.warnIf,
    errorIf: own?.errorIf !== undefined ? own.errorIf : thresholds.defaults.errorIf,
  };
}
