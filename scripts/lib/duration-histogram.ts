/**
 * Duration quantiles that a Cube rollup can hold: a cumulative histogram over log-spaced
 * buckets, one additive count per bucket edge, and a quantile measure computed from those
 * counts (model/README.md, "Quantiles"). This module writes the Cube YAML for it; the
 * generated blocks in model/cubes are rewritten by scripts/generate-duration-histograms.ts.
 *
 * Buckets, in hours: [0, 0.1), then [0.1·g^(k−1), 0.1·g^k) for k = 1…BUCKETS−1 with g = 1.1,
 * then [0.1·g^(BUCKETS−1), max]. The k-th smallest value is estimated as the middle of its
 * bucket held within [min, max] (the smallest and the largest are exact), and a quantile
 * interpolates between the two values around its rank as percentile_cont does. So a served
 * quantile is within 0.1 h + 5% of the exact one for values under 0.1·g^(BUCKETS−1) hours
 * (~10 years).
 */

/** Upper edge of the first bucket, hours. */
export const FIRST_EDGE_HOURS = 0.1;
/** Each bucket is this many times as wide as the one before. */
export const GROWTH = 1.1;
/** Number of bucket edges (one cumulative count each). */
export const EDGES = 145;

/** The k-th edge (k = 1…EDGES), hours. */
export function edgeHours(k: number): number {
  return FIRST_EDGE_HOURS * GROWTH ** (k - 1);
}

export interface HistogramSpec {
  /** Prefix of the generated (private) measures, e.g. `fp_hist`. */
  readonly prefix: string;
  /** The column, as SQL over {CUBE}. */
  readonly column: string;
  /** How many of the column's units make an hour (3.6e9 for microseconds, 1 for hours). */
  readonly perHour: number;
  /** The quantile measures over it: the answer is the value in hours × `hoursToOutput`. */
  readonly quantiles: readonly QuantileSpec[];
}

export interface QuantileSpec {
  readonly name: string;
  readonly q: number;
  readonly hoursToOutput: number;
  readonly title: string;
  readonly description: string;
  readonly format: string;
}

const pad = (k: number) => String(k).padStart(3, '0');
const literal = (value: number) => (Number.isInteger(value) ? String(value) : value.toPrecision(17).replace(/0+$/, '').replace(/\.$/, ''));

export const countName = (spec: HistogramSpec) => `${spec.prefix}_n`;
export const minName = (spec: HistogramSpec) => `${spec.prefix}_min`;
export const maxName = (spec: HistogramSpec) => `${spec.prefix}_max`;
export const edgeName = (spec: HistogramSpec, k: number) => `${spec.prefix}_lt_${pad(k)}`;

/** Every additive measure a rollup must hold for the quantiles of `spec`. */
export function leafMeasures(spec: HistogramSpec): string[] {
  return [countName(spec), minName(spec), maxName(spec), ...Array.from({ length: EDGES }, (_, i) => edgeName(spec, i + 1))];
}

/**
 * SQL of the quantile `q` of the column, in the column's units: the two ranks around
 * q·(n−1) (0-based), each value estimated from its bucket, interpolated.
 */
export function quantileSql(spec: HistogramSpec, q: number): string {
  const n = `{${countName(spec)}}`;
  const min = `{${minName(spec)}}`;
  const max = `{${maxName(spec)}}`;
  const rank = `(CAST(${n} - 1 AS DOUBLE PRECISION) * ${literal(q)})`;
  // The bucket of the value at rank floor(r): how many edges have at most floor(r) values
  // below them (counts are whole, so "≤ floor(r)" is "≤ r"); at rank ceil(r): "< r + 1".
  const bucket = (test: (edgeCount: string) => string) =>
    `(${Array.from({ length: EDGES }, (_, i) => `CASE WHEN ${test(`{${edgeName(spec, i + 1)}}`)} THEN 1 ELSE 0 END`).join(' + ')})`;
  const lowBucket = bucket((c) => `${c} <= ${rank}`);
  const highBucket = bucket((c) => `${c} - 1 < ${rank}`);
  // Middle of bucket b (b ≥ 1: [e_b, e_b·g)); bucket 0 and the last are held in [min, max] by the LEAST/GREATEST.
  const firstEdge = FIRST_EDGE_HOURS * spec.perHour;
  const middle = (b: string) =>
    `LEAST(GREATEST(CAST(${literal(firstEdge)} AS DOUBLE PRECISION) * POWER(CAST(${literal(GROWTH)} AS DOUBLE PRECISION), ${b} - 1) * ${literal((1 + GROWTH) / 2)}, ${min}), ${max})`;
  const valueAt = (whichRank: string, b: string) =>
    `(CASE WHEN ${whichRank} <= 0 THEN ${min} WHEN ${whichRank} >= ${n} - 1 THEN ${max} ELSE ${middle(b)} END)`;
  const low = valueAt(`FLOOR(${rank})`, lowBucket);
  const high = valueAt(`CEIL(${rank})`, highBucket);
  const fraction = `(${rank} - FLOOR(${rank}))`;
  return `CASE WHEN ${n} = 0 THEN NULL ELSE CAST(${low} AS DOUBLE PRECISION) + ${fraction} * (CAST(${high} AS DOUBLE PRECISION) - CAST(${low} AS DOUBLE PRECISION)) END`;
}

/** The YAML list items (measures) for `spec`, indented for a cube's `measures:`. */
export function measuresYaml(spec: HistogramSpec, indent = '      '): string {
  const lines: string[] = [];
  const item = (fields: [string, string][]) => {
    fields.forEach(([key, value], i) => lines.push(`${indent}${i === 0 ? '- ' : '  '}${key}: ${value}`));
  };
  for (const quantile of spec.quantiles) {
    const sql = `(${quantileSql(spec, quantile.q)}) / ${literal(spec.perHour / quantile.hoursToOutput)}`;
    item([
      ['name', quantile.name],
      ['type', 'number'],
      ['sql', JSON.stringify(sql)],
      ['title', JSON.stringify(quantile.title)],
      ['description', JSON.stringify(quantile.description)],
      ['format', quantile.format],
    ]);
  }
  const column = `{CUBE}.${spec.column}`;
  item([['name', countName(spec)], ['type', 'count'], ['sql', '"1"'], ['public', 'false'], ['filters', `[{ sql: ${JSON.stringify(`${column} IS NOT NULL`)} }]`]]);
  item([['name', minName(spec)], ['type', 'min'], ['sql', JSON.stringify(column)], ['public', 'false']]);
  item([['name', maxName(spec)], ['type', 'max'], ['sql', JSON.stringify(column)], ['public', 'false']]);
  for (let k = 1; k <= EDGES; k++) {
    const edge = literal(spec.perHour === 1 ? edgeHours(k) : Math.round(edgeHours(k) * spec.perHour));
    item([['name', edgeName(spec, k)], ['type', 'count'], ['sql', '"1"'], ['public', 'false'], ['filters', `[{ sql: ${JSON.stringify(`${column} < ${edge}`)} }]`]]);
  }
  return lines.join('\n');
}
