/**
 * file_reconciliation — one row per input file the loader read (status loaded or duplicate):
 * where every record of it went. `rows_read` is the loader's count of records in the file;
 * `rows_loaded` counts the file's records in its staging model (counted there, not derived —
 * except Marketo activities, see `stagedExports`);
 * `rows_quarantined` counts the file's rows of `rejected_rows` that left the record out
 * (reader rejects, missing ids, failed casts, conflicting duplicate ids), whichever layer
 * quarantined it; `rows_collapsed` the records identical to one of an earlier file, kept once.
 * `values_refused` counts records kept with a value set to NULL (e.g. a negative amount): a record
 * with two refused values (Amount and Probability) counts once, its reasons listed together.
 * The data test `rows read = loaded + quarantined + collapsed` holds it to account on every build.
 * Runs before staging is dropped (see models/index.ts).
 */
import { sql } from 'kysely';
import { ref, source, type Model } from '../model';
import { REFUSED_SUFFIX } from '../staging/staging-model';
import { stagedExports } from '../staging/index';

export const fileReconciliation: Model = {
  name: 'file_reconciliation',
  layer: 'marts',
  materialized: 'table',
  query: () => sql`
    with quarantine as (
      select file,
        count(*) filter (where not ends_with(reason, ${sql.lit(REFUSED_SUFFIX)}))::bigint as quarantined,
        count(*) filter (where ends_with(reason, ${sql.lit(REFUSED_SUFFIX)}))::bigint as refused
      from ${ref('rejected_rows')} group by file
    ),
    staged as (
      ${sql.join(
        stagedExports.map((e) =>
          e.countedFromRaw
            ? sql`select r.file, r.n - coalesce(q.quarantined, 0) + coalesce(l.n, 0) as n
                  from (select _file as file, count(*)::bigint as n from ${source(e.format)} group by _file) r
                  left join quarantine q using (file)
                  left join (select _file as file, count(*)::bigint as n from ${source('_load_rejects')} group by _file) l using (file)`
            : sql`select _file::varchar as file, count(*)::bigint as n from ${ref(e.model)} group by _file`,
        ),
        sql` union all `,
      )}
    )
    select f.file, f.format, f.status,
      f.rows_read::bigint as rows_read,
      coalesce(s.n, 0)::bigint as rows_loaded,
      coalesce(q.quarantined, 0)::bigint as rows_quarantined,
      coalesce(f.rows_duplicate, 0)::bigint as rows_collapsed,
      coalesce(q.refused, 0)::bigint as values_refused
    from ${source('_load_files')} f
    left join staged s on s.file = f.file
    left join quarantine q on q.file = f.file
    where f.status in ('loaded', 'duplicate')
    order by f.file`,
};
