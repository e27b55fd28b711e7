/** What every benchmark case reports: plain figures plus ratios against a reference measured in the same run. */
export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
}

export interface Ratio {
  readonly name: string;
  readonly value: number;
  /** What the ratio divides by: the physical reference measured in the same run. */
  readonly reference: string;
  /** The goal stated in the issue, e.g. `<= 2.0`. */
  readonly target?: string;
  readonly met?: boolean;
}

export interface CaseResult {
  readonly name: string;
  readonly scale: string;
  readonly figures: readonly Figure[];
  readonly ratios: readonly Ratio[];
  readonly peakRssMb: number;
  readonly notes?: readonly string[];
}

export const RESULT_MARKER = 'BENCH_RESULT ';

export function peakRssMb(): number {
  // resourceUsage().maxRSS is in kilobytes on Linux.
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

export function ratio(name: string, value: number, reference: string, target?: { max: number }): Ratio {
  return target
    ? { name, value, reference, target: `<= ${target.max}`, met: value <= target.max }
    : { name, value, reference };
}

/**
 * A case's child process ends by printing its result on one marked line. Peak RSS is the case
 * process's own, or `peakRssMb` when the case measured in processes of its own (the larger).
 */
export function emit(result: Omit<CaseResult, 'peakRssMb'> & { readonly peakRssMb?: number }): void {
  const full: CaseResult = { ...result, peakRssMb: Math.max(result.peakRssMb ?? 0, peakRssMb()) };
  process.stdout.write(`\n${RESULT_MARKER}${JSON.stringify(full)}\n`);
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}
