import { relative } from 'node:path';
import type { BuildReport } from '../build-report';
import { formatReadAs } from './format-read-as';

/** The end-of-build summary: one row per input file, then what the marts hold and the data tests. */
export function formatSummary(report: BuildReport, cwd = process.cwd()): string {
  const header = ['file', 'format', 'status', 'read', 'loaded', 'quarantined', 'duplicates', 'note'];
  // Loaded and quarantined from the reconciliation (every layer's rejects), when the build has one.
  const reconciled = new Map(report.reconciliation.map((r) => [r.file, r]));
  const rows = report.files.map((f) => {
    const r = reconciled.get(f.file);
    return [
      displayPath(f.file, cwd),
      f.format ?? '-',
      f.status,
      count(f.rowsRead),
      count(r ? r.loaded : f.rowsLoaded - f.rowsDuplicate),
      count(r ? r.quarantined : f.rowsQuarantined),
      count(f.rowsDuplicate),
      f.note ?? '',
    ];
  });
  const numeric = new Set([3, 4, 5, 6]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (i === 7 ? 0 : (r[i] ?? '').length))));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => (i === 7 ? cell : numeric.has(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const c = report.counts;
  const failed = report.dataTests.filter((t) => !t.passed).length;
  return [
    line(header),
    line(widths.map((w, i) => (i === 7 ? '----' : '-'.repeat(w)))),
    ...rows.map(line),
    ...formatReadAs(report.files, (path) => displayPath(path, cwd)),
    '',
    `Built ${report.warehousePath}: ${count(c.leads)} leads, ${count(c.mqls)} MQLs, ${count(c.sals)} SALs, ${count(c.sqls)} SQLs, ` +
      `${count(c.won)} won, ${count(c.lost)} lost, ${count(c.rejected)} rejected; ${count(c.opportunities)} opportunities; ` +
      `${count(c.quarantined)} input records quarantined (${count(c.unparsable)} unparsable, the rest with unusable values)` +
      `${c.valuesRefused > 0 ? `, ${count(c.valuesRefused)} record${c.valuesRefused === 1 ? '' : 's'} kept with ${c.valuesRefused === 1 ? 'a value' : 'values'} refused` : ''}; see rejected_rows.`,
    ...report.warnings.map((w) => `Warning: ${w}`),
    `Data tests: ${report.dataTests.length - failed} of ${report.dataTests.length} passed.`,
    `Elapsed: ${seconds(report.elapsedMs)} (${report.phases.map((p) => `${p.phase} ${seconds(p.ms)}`).join(', ')}).`,
  ].join('\n');
}

export function count(n: number): string {
  return n.toLocaleString('en-US');
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel.startsWith('..') ? path : rel;
}
