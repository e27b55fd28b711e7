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
 * Progress on `out` (stderr): on a terminal, a bar per file redrawn in place; otherwise one
 * plain line per step. Files load one after another, so only the last line is ever redrawn.
 */
export function createProgressRenderer(out: Output, options: { verbose?: boolean; cwd?: string } = {}): ProgressRenderer {
  const tty = out.isTTY === true;
  const cwd = options.cwd ?? process.cwd();
  let barOpen = false;
  let lastDraw = 0;
  let models = 0;
  const fileStarted = new Map<string, number>();
  const labels = new Map<string, string>();
  const labelOf = (file: string): string => labels.get(file) ?? `  ${displayPath(file, cwd)}`;

  const closeBar = (): void => {
    if (barOpen) out.write('\n');
    barOpen = false;
  };
  const drawBar = (label: string, fraction: number, suffix: string): void => {
    const width = Math.max(10, Math.min(30, (out.columns ?? 80) - label.length - suffix.length - 12));
    const filled = Math.round(width * Math.max(0, Math.min(1, fraction)));
    out.write(`\r\x1b[2K${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(fraction * 100)).padStart(3)}% ${suffix}`);
    barOpen = true;
  };

  const onProgress = (event: ProgressEvent): void => {
    switch (event.type) {
      case 'phase':
        closeBar();
        out.write(`${event.phase}: ${event.detail}\n`);
        break;
      case 'file-start': {
        fileStarted.set(event.file, performance.now());
        const label = `  ${displayPath(event.file, cwd)} (${event.format}, ${megabytes(event.bytes)})`;
        labels.set(event.file, label);
        if (tty) drawBar(label, 0, '');
        else out.write(`${label} loading\n`);
        break;
      }
      case 'file-progress': {
        if (!tty) break;
        const now = performance.now();
        if (now - lastDraw < 100 && event.fraction < 1) break;
        lastDraw = now;
        drawBar(labelOf(event.file), event.fraction, '');
        break;
      }
      case 'file-done': {
        const r = event.report;
        const started = fileStarted.get(r.file);
        const took = started === undefined ? '' : ` in ${seconds(performance.now() - started)}`;
        const what =
          r.status === 'loaded'
            ? `${count(r.rowsLoaded)} rows loaded, ${count(r.rowsQuarantined)} quarantined${took}`
            : `${r.status}: ${r.note ?? ''}`;
        if (tty && r.status === 'loaded') {
          drawBar(labelOf(r.file), 1, what);
          closeBar();
        } else {
          closeBar();
          out.write(`  ${displayPath(r.file, cwd)}${r.format ? ` (${r.format})` : ''}: ${what}\n`);
        }
        break;
      }
      case 'model-done':
        models += 1;
        if (options.verbose) out.write(`  ${event.layer} ${event.name}\n`);
        else if (tty) {
          out.write(`\r\x1b[2K  ${models} models built (last: ${event.name})`);
          barOpen = true;
        }
        break;
      case 'data-test-done':
        if (!event.result.passed || options.verbose) {
          closeBar();
          out.write(`  ${event.result.passed ? 'pass' : 'FAIL'} ${event.result.name} (${event.result.model})${event.result.passed ? '' : `: ${event.result.failingCount} failing rows`}\n`);
        }
        break;
    }
  };

  return {
    onProgress,
    finish(report) {
      closeBar();
      out.write(`\n${formatSummary(report, cwd)}\n`);
    },
  };
}

function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} kB`;
}
