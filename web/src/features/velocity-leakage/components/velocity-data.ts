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
import { LEAKS } from '../api/members';

/** A dimension value → its display label: the model's `meta.values` via /meta (`valueLabel`). */
export type Labeler = (value: string) => string;

export function transitionLabel(t: Pick<StageTransition, 'from' | 'to'>, label: Labeler): string {
  return `${label(t.from)} → ${label(t.to)}`;
}

export function transitionsChartInput(rows: readonly StageTransition[], label: Labeler, large?: boolean): CategoryChartInput {
  return {
    categories: rows.map((r) => transitionLabel(r, label)),
    series: [
      { name: 'Median days', values: rows.map((r) => r.median), format: 'days' },
      { name: '90th percentile', values: rows.map((r) => r.p90), format: 'days', color: '#56B4E9' },
    ],
    horizontal: true,
    format: 'days',
    labels: true,
    large: large ?? false,
  };
}

export function transitionsTable(rows: readonly StageTransition[], label: Labeler): TableData {
  return {
    columns: [
      { key: 'label', title: 'Transition', format: 'text' },
      { key: 'transitions', title: 'Leads', format: 'integer' },
      { key: 'median', title: 'Median days', format: 'days' },
      { key: 'p90', title: '90th percentile days', format: 'days' },
    ],
    rows: rows.map((r) => ({ label: transitionLabel(r, label), transitions: r.transitions, median: r.median, p90: r.p90 })),
  };
}

export function timeInStageChartInput(rows: readonly StageTime[], label: Labeler, large?: boolean): CategoryChartInput {
  return {
    categories: rows.map((r) => label(r.stage)),
    series: [
      { name: 'Median days in stage', values: rows.map((r) => r.median), format: 'days' },
      { name: '90th percentile', values: rows.map((r) => r.p90), format: 'days', color: '#56B4E9' },
    ],
    format: 'days',
    large: large ?? false,
  };
}

export function timeInStageTable(rows: readonly StageTime[], label: Labeler): TableData {
  return {
    columns: [
      { key: 'stage', title: 'Stage', format: 'text' },
      { key: 'entries', title: 'Leads entering', format: 'integer' },
      { key: 'median', title: 'Median days in stage', format: 'days' },
      { key: 'p90', title: '90th percentile days', format: 'days' },
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

export function quarantineChartInput(cells: readonly QuarantineCell[], large?: boolean): CategoryChartInput {
  const files = quarantineFiles(cells);
  return {
    categories: files.map((f) => baseName(f.file)),
    series: [{ name: 'Quarantined rows', values: files.map((f) => f.count), format: 'integer', color: '#CC79A7' }],
    horizontal: true,
    format: 'integer',
    labels: true,
    large: large ?? false,
  };
}

export function quarantineTable(cells: readonly QuarantineCell[]): TableData {
  return {
    columns: [
      { key: 'file', title: 'File', format: 'text' },
      { key: 'reason', title: 'Reason', format: 'text' },
      { key: 'count', title: 'Rows', format: 'integer' },
    ],
    rows: cells.map((c) => ({ ...c })),
  };
}

export function openDealsChartInput(rows: readonly OpenDealsRow[], large?: boolean): CategoryChartInput {
  return {
    categories: rows.map((r) => r.channel),
    series: [
      { name: 'Average age (days)', values: rows.map((r) => r.avgAge), format: 'days' },
      { name: 'Oldest (days)', values: rows.map((r) => r.maxAge), format: 'days', color: '#56B4E9' },
    ],
    horizontal: true,
    format: 'days',
    large: large ?? false,
  };
}

export function openDealsTable(rows: readonly OpenDealsRow[]): TableData {
  return {
    columns: [
      { key: 'channel', title: 'Channel', format: 'text' },
      { key: 'openCount', title: 'Open deals', format: 'integer' },
      { key: 'openAmount', title: 'Open amount', format: 'currency' },
      { key: 'avgAge', title: 'Average age', format: 'days' },
      { key: 'maxAge', title: 'Oldest', format: 'days' },
    ],
    rows: rows.map((r) => ({ ...r })),
  };
}
