import type { ExportFormat, FormatColumn } from '../formats/index';

/** How one header row maps onto one export format. */
export interface HeaderMatch {
  readonly format: ExportFormat;
  /** Canonical column name → index of the header field holding it. */
  readonly columnIndex: ReadonlyMap<string, number>;
  readonly missingRequired: readonly FormatColumn[];
  readonly missingOptional: readonly FormatColumn[];
  /** Header fields that map to no column of the format (not loaded). */
  readonly unmapped: readonly string[];
  /** Header fields matched through an alias or a case/space-insensitive comparison: header → canonical. */
  readonly renamed: ReadonlyMap<string, string>;
}

export type Detection =
  | { readonly kind: 'matched'; readonly match: HeaderMatch }
  /** Clearly this format, but a required column is missing even after aliases. */
  | { readonly kind: 'incomplete'; readonly match: HeaderMatch }
  /** No format fits: `closest` is the nearest one, with the columns the file lacks. */
  | { readonly kind: 'unknown'; readonly closest: HeaderMatch | undefined };

/** Case-, space- and punctuation-insensitive form of a header: "Lead Status" ≈ "lead_status" ≈ "LeadStatus". */
export function normaliseHeader(name: string): string {
  return name.toLowerCase().replace(/[\s_\-.]+/g, '');
}

/** Map a header row onto a format: exact names first, then aliases, then normalised forms. */
export function matchFormat(header: readonly string[], format: ExportFormat): HeaderMatch {
  const columnIndex = new Map<string, number>();
  const renamed = new Map<string, string>();
  const used = new Set<number>();
  const passes: ReadonlyArray<(column: FormatColumn, field: string) => boolean> = [
    (column, field) => field === column.name,
    (column, field) => column.aliases.includes(field),
    (column, field) => normaliseHeader(field) === normaliseHeader(column.name),
    (column, field) => column.aliases.some((alias) => normaliseHeader(alias) === normaliseHeader(field)),
  ];
  for (const pass of passes) {
    for (const column of format.columns) {
      if (columnIndex.has(column.name)) continue;
      const index = header.findIndex((field, i) => !used.has(i) && pass(column, field));
      if (index < 0) continue;
      columnIndex.set(column.name, index);
      used.add(index);
      const field = header[index] ?? '';
      if (field !== column.name) renamed.set(field, column.name);
    }
  }
  return {
    format,
    columnIndex,
    missingRequired: format.columns.filter((c) => c.required && !columnIndex.has(c.name)),
    missingOptional: format.columns.filter((c) => !c.required && !columnIndex.has(c.name)),
    unmapped: header.filter((_field, i) => !used.has(i)),
    renamed,
  };
}

/**
 * Which format a header row is. The format matching most header fields is the candidate
 * (ties: the larger share of the format's columns). If all its required columns are there,
 * it is the match. If not, but the file is clearly that export — at least three columns match,
 * at most half of its required columns are missing, and no complete format matches as many
 * fields — the file is "incomplete" (an error). Otherwise the best complete format wins, and
 * with none the file is "unknown" (skipped, reported with the closest format).
 */
export function detectFormat(header: readonly string[], formats: readonly ExportFormat[]): Detection {
  const ranked = formats
    .map((format) => matchFormat(header, format))
    .sort(
      (a, b) =>
        b.columnIndex.size - a.columnIndex.size ||
        b.columnIndex.size / b.format.columns.length - a.columnIndex.size / a.format.columns.length ||
        a.missingRequired.length - b.missingRequired.length,
    );
  const isComplete = (m: HeaderMatch): boolean => m.missingRequired.length === 0 && m.columnIndex.size >= Math.min(3, m.format.columns.length);
  const complete = ranked.find(isComplete);
  const best = ranked.find((m) => m.columnIndex.size > 0);
  if (best && isComplete(best)) return { kind: 'matched', match: best };
  if (best && best.columnIndex.size >= 3 && best.missingRequired.length <= requiredCount(best) / 2 && best.columnIndex.size > (complete?.columnIndex.size ?? 0)) {
    return { kind: 'incomplete', match: best };
  }
  if (complete) return { kind: 'matched', match: complete };
  return { kind: 'unknown', closest: best };
}

function requiredCount(match: HeaderMatch): number {
  return Math.max(1, match.format.columns.filter((c) => c.required).length);
}

/** The unmatched header field most like `wanted` (edit distance on normalised names), if any is close. */
export function closestHeader(wanted: FormatColumn, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    for (const name of [wanted.name, ...wanted.aliases]) {
      const a = normaliseHeader(name);
      const b = normaliseHeader(candidate);
      const distance = editDistance(a, b) / Math.max(a.length, b.length, 1);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = candidate;
      }
    }
  }
  return bestDistance <= 0.6 ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_v, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
