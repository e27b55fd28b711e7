/** Why a guard stopped the build; each carries what the user must fix. The previous warehouse keeps serving. */

export interface FormatProblem {
  readonly file: string;
  readonly format: string;
  readonly column: string;
  /** Values in the column that failed to parse, and values present (non-blank). */
  readonly failed: number;
  readonly present: number;
  readonly example: string;
  readonly expected: string;
  /** The formats the loader considered for the column (its record in `raw._load_columns`). */
  readonly formatsTried: readonly string[];
  /** The loader's pick among them and how many of its sampled values fit it; null when it recorded none. */
  readonly detection: { readonly detected: string; readonly decidedBy: string; readonly sampled: number; readonly fitting: number } | null;
}

function describeDetection(d: NonNullable<FormatProblem['detection']>): string {
  const n = (v: number): string => v.toLocaleString('en-US');
  return `; the closest, ${d.detected}, fits ${n(d.fitting)} of the ${n(d.sampled)} values sampled`;
}

/** Most values of a column do not parse: the file's format is wrong, not its rows. */
export class FormatProblemError extends Error {
  readonly problems: readonly FormatProblem[];

  constructor(problems: readonly FormatProblem[]) {
    const lines = problems.map(
      (p) =>
        `  - ${p.file}, column "${p.column}": ${p.failed.toLocaleString('en-US')} of ${p.present.toLocaleString('en-US')} values are not ${p.expected}, ` +
        `e.g. "${p.example}"; formats tried: ${p.formatsTried.join('; ')}${p.detection ? describeDetection(p.detection) : ''}`,
    );
    super(
      `${problems.length === 1 ? 'A column does' : `${problems.length} columns do`} not parse in the format the export should have: ` +
        `a format problem (the file was probably re-saved by a spreadsheet), not bad rows, so nothing was quarantined and the build stopped; ` +
        `the previous warehouse was left in place.\n${lines.join('\n')}\n` +
        `Re-export the file from the source system (or save the column in one of the formats tried) and run the build again.`,
    );
    this.name = 'FormatProblemError';
    this.problems = problems;
  }
}

export interface QuarantineBreach {
  readonly file: string;
  readonly format: string | null;
  readonly read: number;
  readonly quarantined: number;
  /** The condition met, as written (e.g. "> 5%"). */
  readonly condition: string;
  /** The most frequent reasons, with counts. */
  readonly topReasons: readonly { readonly reason: string; readonly n: number }[];
}

export function describeBreach(b: QuarantineBreach, severity: 'error_if' | 'warn_if'): string {
  const share = b.read === 0 ? 0 : (100 * b.quarantined) / b.read;
  const reasons = b.topReasons.map((r) => `${r.reason} (${r.n.toLocaleString('en-US')})`).join('; ');
  return `${b.file}: ${b.quarantined.toLocaleString('en-US')} of ${b.read.toLocaleString('en-US')} rows quarantined (${share.toFixed(1)}%, ${severity} "${b.condition}")${reasons ? `; most common: ${reasons}` : ''}`;
}

/** A file's quarantine met its `error_if` condition. */
export class QuarantineThresholdError extends Error {
  readonly breaches: readonly QuarantineBreach[];

  constructor(breaches: readonly QuarantineBreach[]) {
    super(
      `Too many rows quarantined; the previous warehouse was left in place.\n${breaches.map((b) => `  - ${describeBreach(b, 'error_if')}`).join('\n')}\n` +
        `Fix the file (the rows are listed in rejected_rows of the failed build's reasons above), or raise quarantine.error_if in agreement.yml ` +
        `(e.g. quarantine: { exports: { ${breaches[0]?.format ?? '<format>'}: { error_if: "> 20%" } } }).`,
    );
    this.name = 'QuarantineThresholdError';
    this.breaches = breaches;
  }
}

export interface VolumeDrop {
  readonly measure: string;
  readonly previous: number;
  readonly next: number;
  /** Fall as a share of the previous value (0.4 = 40% fewer). */
  readonly share: number;
}

/** The new build holds far fewer leads, MQLs, SQLs or won amount than the warehouse it would replace. */
export class VolumeDropError extends Error {
  readonly drops: readonly VolumeDrop[];

  constructor(warehousePath: string, drops: readonly VolumeDrop[], maxShare: number) {
    const fmt = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 2 });
    super(
      `This build would replace ${warehousePath} with much less data (more than ${Math.round(maxShare * 100)}% fewer); the previous warehouse was left in place.\n` +
        drops.map((d) => `  - ${d.measure}: ${fmt(d.previous)} → ${fmt(d.next)} (−${(d.share * 100).toFixed(1)}%)`).join('\n') +
        `\nCheck that every export is in the input folders and complete. If the drop is intended (a smaller date range, a cleanup), run again with --accept-drop.`,
    );
    this.name = 'VolumeDropError';
    this.drops = drops;
  }
}
