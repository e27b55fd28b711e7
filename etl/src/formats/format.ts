/**
 * An export format: the header row a CRM or marketing-automation system writes for one entity.
 *
 * The first name of each column is its canonical name: the raw table `raw.<name>` has one
 * VARCHAR column under that name (plus `_file` and `_line`). Aliases are other headers the
 * same column is exported under (renamed columns, other export tools); detection also
 * matches case- and space-insensitively. A file missing a required column cannot be loaded.
 */
export type SourceSystem = 'salesforce' | 'marketo' | 'hubspot' | 'marketing';

/**
 * What a typed column holds. The loader detects each typed column's written format per file
 * (ISO or Excel's US/European dates, either decimal mark) and the staging layer casts it.
 * `timestamp`: a point in time (read in the system's source time zone when it has no offset);
 * `date`: a calendar date (no time-zone conversion); `number`: an amount or count.
 */
export type ColumnType = 'timestamp' | 'date' | 'number';

export interface FormatColumn {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly required: boolean;
  /** Typed columns only; absent for text and ids. */
  readonly type?: ColumnType;
}

export interface ExportFormat {
  /** `<system>__<entity in snake case>`: the raw table's name. */
  readonly name: string;
  readonly system: SourceSystem;
  readonly entity: string;
  readonly columns: readonly FormatColumn[];
}

/** A column definition; required and aliases default to false and none. */
export function column(name: string, options: { required?: boolean; aliases?: readonly string[]; type?: ColumnType } = {}): FormatColumn {
  return { name, aliases: options.aliases ?? [], required: options.required ?? false, ...(options.type ? { type: options.type } : {}) };
}
