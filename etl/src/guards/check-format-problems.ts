/**
 * Guard (a): a column most of whose present values fail to parse is a format problem, not
 * bad rows. Built on the staging rejects in `rejected_rows`, grouped by file and column
 * (reasons "<column> is not <expected>: <value>"), against the non-blank values of that
 * column in the file's raw records.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { ident, literal, queryRows } from '../load/sql-text';
import { FormatProblemError, type FormatProblem } from './guard-errors';
import { describeStagingCasts, type FormatsTried } from './formats-tried';

/** More than this share of a column's present values failing is a format problem. */
export const FORMAT_PROBLEM_SHARE = 0.5;
/** …and at least this many of them (a 3-row file with 2 typos is bad rows). */
export const FORMAT_PROBLEM_MIN_ROWS = 5;

export async function findFormatProblems(connection: DuckDBConnection, formatsTried: FormatsTried = describeStagingCasts): Promise<FormatProblem[]> {
  const groups = await queryRows<{ file: string; format: string; column_name: string; expected: string; failed: number; example: string | null }>(
    connection,
    `select file, format, column_name, regexp_extract(any_value(reason), ' is not (.*?): ', 1) as expected, count(*)::bigint as failed,
            any_value(json_extract_string(raw_text, '$.' || to_json(column_name)::varchar)) as example
       from main.rejected_rows
      where column_name is not null and starts_with(reason, column_name || ' is not ')
      group by file, format, column_name
     having count(*) >= ${FORMAT_PROBLEM_MIN_ROWS}
      order by file, column_name`,
  );
  const problems: FormatProblem[] = [];
  for (const g of groups) {
    const [present] = await queryRows<{ n: number }>(
      connection,
      `select count(*)::bigint as n from raw.${ident(g.format)} where _file = ${literal(g.file)} and nullif(trim(${ident(g.column_name)}), '') is not null`,
    );
    const n = present?.n ?? 0;
    if (n === 0 || g.failed / n <= FORMAT_PROBLEM_SHARE) continue;
    problems.push({
      file: g.file,
      format: g.format,
      column: g.column_name,
      failed: g.failed,
      present: n,
      example: g.example ?? '',
      expected: g.expected,
      formatsTried: formatsTried({ format: g.format, column: g.column_name, expected: g.expected }),
    });
  }
  return problems;
}

/** Throws FormatProblemError naming every such column. */
export async function checkFormatProblems(connection: DuckDBConnection, formatsTried?: FormatsTried): Promise<void> {
  const problems = await findFormatProblems(connection, formatsTried);
  if (problems.length > 0) throw new FormatProblemError(problems);
}
