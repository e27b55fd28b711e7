import type { CaseResult } from './result';

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value) || Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(3);
}

/** One plain-text table: a row per figure and per ratio, grouped by case; then each case's notes. */
export function formatTable(results: readonly CaseResult[]): string {
  const rows: string[][] = [['case', 'scale', 'measure', 'value', 'unit / reference', 'target']];
  for (const result of results) {
    for (const figure of result.figures) rows.push([result.name, result.scale, figure.name, formatNumber(figure.value), figure.unit, '']);
    for (const ratio of result.ratios) {
      const target = ratio.target ? `${ratio.target} ${ratio.met ? 'met' : 'MISSED'}` : '';
      rows.push([result.name, result.scale, ratio.name, `${formatNumber(ratio.value)}×`, `÷ ${ratio.reference}`, target]);
    }
    rows.push([result.name, result.scale, 'peak RSS', formatNumber(result.peakRssMb), 'MB', '']);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const line = (row: readonly string[]) => row.map((cell, i) => (i === 3 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ');
  const notes = results.flatMap((r) => (r.notes ?? []).map((note) => `${r.name} (${r.scale}): ${note}`));
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line), ...(notes.length > 0 ? ['', 'Notes:', ...notes.map((n) => `- ${n}`)] : [])].join('\n');
}
