/**
 * Guard (a): a column most of whose present values fail to parse is a format problem, not
 * bad rows. Built on the staging rejects in `rejected_rows`, grouped by file and column
 * (reasons "<column> is not <expected>: <value>"; a refused value, its record kept, is never one), against the non-blank values of that
 * column in the file's raw records. What the loader tried for the column comes from its own
 * record, `raw._load_columns` (the formats considered, the one detected, how many sampled
 * values fit it, a value that fit none); only a column the loader does not detect (one with no
 * `type` in its export format) falls back to a description of what the staging casts accept.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { ident, literal, queryRows } from '../load/sql-text';
import { REFUSED_SUFFIX } from '../models/staging/staging-model';
import { FormatProblemError, type FormatProblem } from './guard-errors';
import { describeStagingCasts, type FormatsTried } from './formats-tried';

/** More than this share of a column's present values failing is a format problem. */
export const FORMAT_PROBLEM_SHARE = 0.5;
/** …and at least this many of them (a 3-row file with 2 typos is bad rows). */
export const FORMAT_PROBLEM_MIN_ROWS = 5;

interface RejectGroup {
  readonly file: string;
  readonly format: string;
  readonly column_name: string;
  readonly expected: string;
  readonly failed: number;
  /** The failing value of the earliest rejected record. */
  readonly rejected_example: string | null;
  readonly formats_tried: readonly string[] | null;
  readonly detected: string | null;
  readonly decided_by: string | null;
  readonly unfit_example: string | null;
  readonly values_sampled: number | null;
  readonly values_fitting: number | null;
}

export async function findFormatProblems(connection: DuckDBConnection, fallback: FormatsTried = describeStagingCasts): Promise<FormatProblem[]> {
  const groups = await queryRows<RejectGroup>(
    connection,
    `with rejects as (
       select file, format, column_name, regexp_extract(any_value(reason), ' is not (.*?): ', 1) as expected, count(*)::bigint as failed,
              arg_min(json_extract_string(raw_text, '$.' || to_json(column_name)::varchar), line) as rejected_example
         from main.rejected_rows
        where column_name is not null and starts_with(reason, column_name || ' is not ') and not ends_with(reason, ${literal(REFUSED_SUFFIX)})
        group by file, format, column_name
       having count(*) >= ${FORMAT_PROBLEM_MIN_ROWS})
     select r.*, c.formats_tried, c.detected, c.decided_by, c.unfit_example, c.values_sampled, c.values_fitting
       from rejects r
       left join raw._load_columns c on c.file = r.file and c.format = r.format and c.column_name = r.column_name
      order by r.file, r.column_name`,
  );
  const problems: FormatProblem[] = [];
  for (const g of groups) {
    const [present] = await queryRows<{ n: number }>(
      connection,
      `select count(*)::bigint as n from raw.${ident(g.format)} where _file = ${literal(g.file)} and nullif(trim(${ident(g.column_name)}), '') is not null`,
    );
    const n = present?.n ?? 0;
    if (n === 0 || g.failed / n <= FORMAT_PROBLEM_SHARE) continue;
    const recorded = g.formats_tried !== null && g.formats_tried.length > 0;
    problems.push({
      file: g.file,
      format: g.format,
      column: g.column_name,
      failed: g.failed,
      present: n,
      // A value the loader's sample showed fits no format it knows, else one staging refused.
      example: g.unfit_example ?? g.rejected_example ?? '',
      expected: g.expected,
      formatsTried: recorded ? [...(g.formats_tried ?? [])] : fallback({ format: g.format, column: g.column_name, expected: g.expected }),
      detection:
        recorded && g.detected !== null
          ? { detected: g.detected, decidedBy: g.decided_by ?? 'values', sampled: Number(g.values_sampled ?? 0), fitting: Number(g.values_fitting ?? 0) }
          : null,
    });
  }
  return problems;
}

/** Throws FormatProblemError naming every such column. */
export async function checkFormatProblems(connection: DuckDBConnection, fallback?: FormatsTried): Promise<void> {
  const problems = await findFormatProblems(connection, fallback);
  if (problems.length > 0) throw new FormatProblemError(problems);
}
