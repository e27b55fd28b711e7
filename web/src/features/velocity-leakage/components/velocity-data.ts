// Velocity, leakage and data-quality data → chart inputs and tables (pure; unit-tested).
import type { CategoryChartInput } from '../../../lib/chart-options';
import { memberColumn, memberSeries } from '../../../lib/cube-meta';
import type { CubeMeta } from '../../../lib/cube-meta';
import type { TableData } from '../../../lib/table';
import type { LeakKind } from '../api/get-leaks';
import type { OpenDealsRow } from '../api/get-open-deals';
import type { QuarantineCell } from '../api/get-quarantine';
import type { StageTransition } from '../api/get-stage-velocity';
import type { StageTime } from '../api/get-time-in-stage';
import { LEAKS, OPEN_DEALS, QUARANTINE, VELOCITY } from '../api/members';

/** A dimension value → its display label: the model's `meta.values` via /meta (`valueLabel`). */
export type Labeler = (value: string) => string;

export function transitionLabel(t: Pick<StageTransition, 'from' | 'to'>, label: Labeler): string {
  return `${label(t.from)} → ${label(t.to)}`;
}

export function transitionsChartInput(meta: CubeMeta, rows: readonly StageTransition[], label: Labeler, large?: boolean): CategoryChartInput {
  const median = memberSeries(meta, VELOCITY.medianFromPrevious);
  return {
    categories: rows.map((r) => transitionLabel(r, label)),
    series: [
      { ...median, values: rows.map((r) => r.median) },
      { ...memberSeries(meta, VELOCITY.p90FromPrevious), values: rows.map((r) => r.p90), color: '#56B4E9' },
    ],
    horizontal: true,
    format: median.format,
    labels: true,
    large: large ?? false,
  };
}

export function transitionsTable(meta: CubeMeta, rows: readonly StageTransition[], label: Labeler): TableData {
  return {
    columns: [
      // "MQL → SAL": a pair of stage values, not a member.
      { key: 'label', title: 'Transition', format: 'text' },
      memberColumn(meta, VELOCITY.transitionCount, 'transitions'),
      memberColumn(meta, VELOCITY.medianFromPrevious, 'median'),
      memberColumn(meta, VELOCITY.p90FromPrevious, 'p90'),
    ],
    rows: rows.map((r) => ({ label: transitionLabel(r, label), transitions: r.transitions, median: r.median, p90: r.p90 })),
  };
}

export function timeInStageChartInput(meta: CubeMeta, rows: readonly StageTime[], label: Labeler, large?: boolean): CategoryChartInput {
  const median = memberSeries(meta, VELOCITY.medianInStage);
  return {
    categories: rows.map((r) => label(r.stage)),
    series: [
      { ...median, values: rows.map((r) => r.median) },
      { ...memberSeries(meta, VELOCITY.p90InStage), values: rows.map((r) => r.p90), color: '#56B4E9' },
    ],
    format: median.format,
    large: large ?? false,
  };
}

export function timeInStageTable(meta: CubeMeta, rows: readonly StageTime[], label: Labeler): TableData {
  return {
    columns: [
      memberColumn(meta, VELOCITY.stage, 'stage'),
      memberColumn(meta, VELOCITY.eventCount, 'entries'),
      memberColumn(meta, VELOCITY.medianInStage, 'median'),
      memberColumn(meta, VELOCITY.p90InStage, 'p90'),
    ],
    rows: rows.map((r) => ({ stage: label(r.stage), entries: r.entries, median: r.median, p90: r.p90 })),
  };
}

/** Leaks by kind: the kinds' labels are the model's `meta.values`, the measure's title and format its own. */
export function leaksChartInput(meta: CubeMeta, kinds: readonly LeakKind[], label: Labeler, large?: boolean): CategoryChartInput {
  const leaks = memberSeries(meta, LEAKS.rowCount);
  return {
    categories: kinds.map((k) => label(k.kind)),
    series: [{ ...leaks, values: kinds.map((k) => k.count), color: '#D55E00' }],
    horizontal: true,
    format: leaks.format,
    labels: true,
    large: large ?? false,
  };
}

export function leaksTable(meta: CubeMeta, kinds: readonly LeakKind[], label: Labeler): TableData {
  const kind = memberColumn(meta, LEAKS.kind, 'label');
  return {
    columns: [kind, { ...kind, key: 'kind', title: `${kind.title} (value)` }, memberColumn(meta, LEAKS.rowCount, 'count')],
    rows: kinds.map((k) => ({ label: label(k.kind), kind: k.kind, count: k.count })),
  };
}

export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

/** Files, most quarantined rows first, as categories; reasons are in the table (they are long). */
export function quarantineFiles(cells: readonly QuarantineCell[]): { file: string; count: number }[] {
  const totals = new Map<string, number>();
  for (const c of cells) totals.set(c.file, (totals.get(c.file) ?? 0) + c.count);
  return [...totals].map(([file, count]) => ({ file, count })).sort((a, b) => b.count - a.count || a.file.localeCompare(b.file));
}

export function quarantineChartInput(meta: CubeMeta, cells: readonly QuarantineCell[], large?: boolean): CategoryChartInput {
  const files = quarantineFiles(cells);
  const rows = memberSeries(meta, QUARANTINE.rowCount);
  return {
    categories: files.map((f) => baseName(f.file)),
    series: [{ ...rows, values: files.map((f) => f.count), color: '#CC79A7' }],
    horizontal: true,
    format: rows.format,
    labels: true,
    large: large ?? false,
  };
}

export function quarantineTable(meta: CubeMeta, cells: readonly QuarantineCell[]): TableData {
  return {
    columns: [memberColumn(meta, QUARANTINE.file, 'file'), memberColumn(meta, QUARANTINE.reason, 'reason'), memberColumn(meta, QUARANTINE.rowCount, 'count')],
    rows: cells.map((c) => ({ ...c })),
  };
}

export function openDealsChartInput(meta: CubeMeta, rows: readonly OpenDealsRow[], large?: boolean): CategoryChartInput {
  const avg = memberSeries(meta, OPEN_DEALS.avgAge);
  return {
    categories: rows.map((r) => r.channel),
    series: [
      { ...avg, values: rows.map((r) => r.avgAge) },
      { ...memberSeries(meta, OPEN_DEALS.maxAge), values: rows.map((r) => r.maxAge), color: '#56B4E9' },
    ],
    horizontal: true,
    format: avg.format,
    large: large ?? false,
  };
}

export function openDealsTable(meta: CubeMeta, rows: readonly OpenDealsRow[]): TableData {
  return {
    columns: [
      memberColumn(meta, OPEN_DEALS.channel, 'channel'),
      memberColumn(meta, OPEN_DEALS.openCount, 'openCount'),
      memberColumn(meta, OPEN_DEALS.openAmount, 'openAmount'),
      memberColumn(meta, OPEN_DEALS.avgAge, 'avgAge'),
      memberColumn(meta, OPEN_DEALS.maxAge, 'maxAge'),
    ],
    rows: rows.map((r) => ({ ...r })),
  };
}
