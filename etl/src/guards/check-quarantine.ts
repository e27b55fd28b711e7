/**
 * Guard (b): dbt-style severity per file over `file_reconciliation` — `error_if` stops the
 * build, `warn_if` adds a warning to the summary (thresholds: agreement.yml `quarantine:`).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { literal, queryRows } from '../load/sql-text';
import { REFUSED_SUFFIX } from '../models/staging/staging-model';
import { describeBreach, QuarantineThresholdError, type QuarantineBreach } from './guard-errors';
import { DEFAULT_QUARANTINE, exceeds, rulesFor, type QuarantineThresholds } from './threshold';

/** Returns the warnings; throws QuarantineThresholdError when a file meets its `error_if`. */
export async function checkQuarantine(connection: DuckDBConnection, thresholds: QuarantineThresholds = DEFAULT_QUARANTINE): Promise<string[]> {
  const files = await queryRows<{ file: string; format: string | null; rows_read: number; rows_quarantined: number }>(
    connection,
    'select file, format, rows_read, rows_quarantined from main.file_reconciliation where rows_quarantined > 0 order by file',
  );
  const errors: QuarantineBreach[] = [];
  const warnings: string[] = [];
  for (const f of files) {
    const rules = rulesFor(thresholds, f.format);
    const error = rules.errorIf && exceeds(rules.errorIf, f.rows_quarantined, f.rows_read, thresholds.percentMinRows) ? rules.errorIf : null;
    const warn = !error && rules.warnIf && exceeds(rules.warnIf, f.rows_quarantined, f.rows_read, thresholds.percentMinRows) ? rules.warnIf : null;
    const condition = error ?? warn;
    if (!condition) continue;
    const topReasons = await queryRows<{ reason: string; n: number }>(
      connection,
      `select case when starts_with(reason, 'duplicate ') then 'duplicate id' else regexp_replace(reason, ': .*$', '') end as reason, count(*)::bigint as n
         from main.rejected_rows where file = ${literal(f.file)} and not ends_with(reason, ${literal(REFUSED_SUFFIX)})
        group by all order by n desc, reason limit 3`,
    );
    const breach: QuarantineBreach = { file: f.file, format: f.format, read: f.rows_read, quarantined: f.rows_quarantined, condition: condition.text, topReasons };
    if (error) errors.push(breach);
    else warnings.push(describeBreach(breach, 'warn_if'));
  }
  if (errors.length > 0) throw new QuarantineThresholdError(errors);
  return warnings;
}
