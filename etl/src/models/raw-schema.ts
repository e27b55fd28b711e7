/**
 * The raw schema as the models see it: every column VARCHAR under its canonical name
 * (etl/src/formats), plus `_file` and `_line`. Columns are looked up by name at run time,
 * so the type is deliberately loose.
 */
import type { RawTableName } from '../formats/index';

export type RawRow = Record<string, string | number | null>;

export type RawDatabase = { [K in `raw.${RawTableName}` | 'raw._load_rejects']: RawRow };
