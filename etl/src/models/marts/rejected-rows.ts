/**
 * rejected_rows — the quarantine: one row per rejected input record. Records the load
 * could not read (raw._load_rejects, with the format and column the loader names there)
 * and records staging left out (missing id, failed cast, negative amount, duplicate id).
 */
import { sql } from 'kysely';
import { ref, source, type Model } from '../model';
import { stagingRejectModels } from '../staging/index';

export const rejectedRows: Model = {
  name: 'rejected_rows',
  layer: 'marts',
  materialized: 'table',
  query: () => sql`
    select _file as file, _line::bigint as line, format, column_name, raw_text, reason
    from ${source('_load_rejects')}
    ${sql.join(stagingRejectModels.map((m) => sql`union all select file, line::bigint, format, column_name, raw_text, reason from ${ref(m)}`), sql` `)}
    order by file, line, reason`,
};
