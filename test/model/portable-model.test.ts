/**
 * The model must run unchanged on DuckDB and on Postgres (README, "Warehouses"). Two rules
 * are checked here over every cube file; test/postgres/same-answers.test.ts proves the SQL by
 * running every public member on both.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const MODEL_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../model');

/**
 * Cube names a rollup's table `<cube>_<rollup>` + `_<content version, 8>_<structure version,
 * 8>_<build time in base-32 seconds, 7>` (query-orchestrator PreAggregations.ts), and Postgres
 * cuts identifiers at 63 bytes: a longer name is created truncated and then never found.
 */
const CUBE_TABLE_SUFFIX = 1 + 8 + 1 + 8 + 1 + 7;
const POSTGRES_MAX_IDENTIFIER = 63;

/** DuckDB-only SQL, with what to write instead. */
const DUCKDB_ONLY: readonly [RegExp, string][] = [
  [/\bmedian\s*\(/i, 'percentile_cont(0.5) WITHIN GROUP (ORDER BY x)'],
  [/\bquantile(_cont|_disc)?\s*\(/i, 'percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY x)'],
  [/\bstrftime\s*\(/i, 'CAST(x AS VARCHAR) or EXTRACT'],
  [/\bAS\s+DOUBLE\b(?!\s+PRECISION)/i, 'CAST(x AS DOUBLE PRECISION)'],
  [/::/, 'CAST(x AS type)'],
  [/\bHUGEINT\b/i, 'BIGINT or DOUBLE PRECISION'],
  [/(?<!ARRAY)\[\s*[\d.]+\s*,/i, 'ARRAY[...] (DuckDB list literals)'],
  [/\b1\.0\s*\*/, 'CAST(x AS DOUBLE PRECISION): 1.0 * makes Postgres divide NUMERICs (20-decimal strings)'],
];

interface CubeFile {
  readonly file: string;
  readonly cubes: readonly { name: string; pre_aggregations?: { name: string }[] }[];
}

function cubeFiles(dir: string): CubeFile[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.yml'))
    .map((name) => {
      const file = join(dir, name);
      const doc = parse(readFileSync(file, 'utf8')) as { cubes?: CubeFile['cubes'] };
      return { file: relative(MODEL_DIR, file), cubes: doc.cubes ?? [] };
    });
}

/** Every `sql:` string in a YAML tree, with its path. */
function sqlStrings(node: unknown, path: string, out: [string, string][]): [string, string][] {
  if (Array.isArray(node)) node.forEach((item, i) => sqlStrings(item, `${path}[${i}]`, out));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'sql' && typeof value === 'string') out.push([`${path}.sql`, value]);
      else sqlStrings(value, `${path}.${key}`, out);
    }
  }
  return out;
}

const files = cubeFiles(join(MODEL_DIR, 'cubes'));

describe('the model runs on DuckDB and Postgres alike', () => {
  it('finds the cubes and their rollups', () => {
    expect(files.length).toBeGreaterThan(5);
    expect(files.flatMap((f) => f.cubes.flatMap((c) => c.pre_aggregations ?? [])).length).toBeGreaterThan(3);
  });

  const rollups = files.flatMap((f) => f.cubes.flatMap((c) => (c.pre_aggregations ?? []).map((p) => ({ file: f.file, cube: c.name, table: `${c.name}_${p.name}` }))));
  it.each(rollups)('rollup table $table fits in a Postgres identifier with Cube\'s version suffix', ({ file, cube, table }) => {
    const length = table.length + CUBE_TABLE_SUFFIX;
    const room = POSTGRES_MAX_IDENTIFIER - CUBE_TABLE_SUFFIX - cube.length - 1;
    expect(length, `${file}: ${table} makes ${length}-character table names; shorten the rollup's name to at most ${room} characters`).toBeLessThanOrEqual(POSTGRES_MAX_IDENTIFIER);
  });

  it('the length rule catches a too-long name (the rule can fail)', () => {
    expect('leads_rejections_by_reason_and_mql_month'.length + CUBE_TABLE_SUFFIX).toBeGreaterThan(POSTGRES_MAX_IDENTIFIER);
  });

  it.each(files)('$file uses no DuckDB-only SQL', ({ file }) => {
    const doc = parse(readFileSync(join(MODEL_DIR, file), 'utf8')) as unknown;
    const problems = sqlStrings(doc, file, []).flatMap(([path, sql]) =>
      DUCKDB_ONLY.filter(([pattern]) => pattern.test(sql)).map(([, instead]) => `${path}: "${sql}" — write ${instead}`));
    expect(problems).toEqual([]);
  });

  it('the SQL rules catch the DuckDB-only forms (the rules can fail)', () => {
    const caught = ['median(x)', 'quantile_cont(x, [0.5, 0.9])[1]', "strftime(m, '%Y')", 'CAST(x AS DOUBLE)', 'x::int', '1.0 * {a} / NULLIF({b}, 0)']
      .filter((sql) => DUCKDB_ONLY.some(([pattern]) => pattern.test(sql)));
    expect(caught).toHaveLength(6);
    expect(DUCKDB_ONLY.some(([pattern]) => pattern.test('(percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY x))[1]'))).toBe(false);
  });
});
