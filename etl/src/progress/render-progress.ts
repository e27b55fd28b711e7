import type { BuildReport } from '../build-report';
import { count, displayPath, formatSummary, seconds } from './format-summary';
import type { ProgressEvent, ProgressListener } from './progress-event';

export interface ProgressRenderer {
  readonly onProgress: ProgressListener;
  /** Print the final summary table. */
  finish(report: BuildReport): void;
}

interface Output {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/**
 * Progress on `out` (stderr): on a terminal, a bar for each file loading (two load at once),
 * kept at the bottom and redrawn in place, with finished files and other messages printed
 * above them; otherwise one plain line per step.
 */
export function createProgressRenderer(out: Output, options: { verbose?: boolean; cwd?: string } = {}): ProgressRenderer {
  const tty = out.isTTY === true;
  const cwd = options.cwd ?? process.cwd();
  let statusOpen = false;
  let lastDraw = 0;
  let models = 0;
  const fileStarted = new Map<string, number>();
  const labels = new Map<string, string>();
  /** Files loading now, in the order they started, with their progress. */
  const active = new Map<string, number>();
  let barLines = 0;
  const labelOf = (file: string): string => labels.get(file) ?? `  ${displayPath(file, cwd)}`;

  const bar = (label: string, fraction: number, suffix: string): string => {
    const width = Math.max(10, Math.min(30, (out.columns ?? 80) - label.length - suffix.length - 12));
    const filled = Math.round(width * Math.max(0, Math.min(1, fraction)));
    return `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(fraction * 100)).padStart(3)}% ${suffix}`.trimEnd();
  };
  /** Erase the bars (ending an open status line) so that a message can be printed in their place. */
  const clear = (): void => {
    if (statusOpen) out.write('\n');
    statusOpen = false;
    if (barLines > 0) out.write(`\x1b[${barLines}F\x1b[J`);
    barLines = 0;
  };
  // Bars are redrawn by moving the cursor up one line per bar, so a bar must never wrap: its
  // label gives way (from the left: the file name stays) on a narrow terminal.
  const drawBars = (): void => {
    const room = (out.columns ?? 80) - 1 - 18;
    for (const [file, fraction] of active) {
      const label = labelOf(file);
      const fitted = label.length <= room ? label : `  …${label.slice(-(Math.max(8, room) - 3))}`;
      out.write(`\r\x1b[2K${bar(fitted, fraction, '')}\n`);
    }
    barLines = active.size;
  };
  /** A line that stays: printed above the bars, which are drawn again below it. */
  const print = (line: string): void => {
    if (tty) clear();
    out.write(`${line}\n`);
    if (tty) drawBars();
  };

  const onProgress = (event: ProgressEvent): void => {
    switch (event.type) {
      case 'phase':
        print(`${event.phase}: ${event.detail}`);
        break;
      case 'file-start': {
        fileStarted.set(event.file, performance.now());
        const label = `  ${displayPath(event.file, cwd)} (${event.format}, ${megabytes(event.bytes)})`;
        labels.set(event.file, label);
        if (!tty) {
          out.write(`${label} loading\n`);
          break;
        }
        clear();
        active.set(event.file, 0);
        drawBars();
        break;
      }
      case 'file-progress': {
        if (!tty || !active.has(event.file)) break;
        active.set(event.file, event.fraction);
        const now = performance.now();
        if (now - lastDraw < 100 && event.fraction < 1) break;
        lastDraw = now;
        clear();
        drawBars();
        break;
      }
      case 'file-done': {
        const r = event.report;
        const started = fileStarted.get(r.file);
        const took = started === undefined ? '' : ` in ${seconds(performance.now() - started)}`;
        // Only the CSV reader's rejects are known here: staging's checks quarantine more later,
        // and the summary table counts both ("loaded" here would contradict it).
        const what =
          r.status === 'loaded'
            ? `${count(r.rowsLoaded)} records parsed, ${count(r.rowsQuarantined)} unparsable${took}`
            : `${r.status}: ${r.note ?? ''}`;
        active.delete(r.file);
        if (tty && r.status === 'loaded') print(bar(labelOf(r.file), 1, what));
        else print(`  ${displayPath(r.file, cwd)}${r.format ? ` (${r.format})` : ''}: ${what}`);
        break;
      }
      case 'model-done':
        models += 1;
        if (options.verbose) print(`  ${event.layer} ${event.name}${event.slices ? ` (in ${event.slices} slices)` : ''}${event.ms === undefined ? '' : ` in ${seconds(event.ms)}`}`);
        else if (tty) {
          clear();
          out.write(`\r\x1b[2K  ${models} models built (last: ${event.name})`);
          statusOpen = true;
        }
        break;
      case 'data-test-done':
        if (!event.result.passed || options.verbose) {
          print(`  ${event.result.passed ? 'pass' : 'FAIL'} ${event.result.name} (${event.result.model})${event.result.passed ? '' : `: ${event.result.failingCount} failing rows`}`);
        }
        break;
    }
  };

  return {
    onProgress,
    finish(report) {
      if (tty) clear();
      out.write(`\n${formatSummary(report, cwd)}\n`);
    },
  };
}

function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} kB`;
}
