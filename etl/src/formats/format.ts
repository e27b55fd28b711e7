/**
 * An export format: the header row a CRM or marketing-automation system writes for one entity.
 *
 * The first name of each column is its canonical name: the raw table `raw.<name>` has one
 * VARCHAR column under that name (plus `_file` and `_line`). Aliases are other headers the
 * same column is exported under (renamed columns, other export tools); detection also
 * matches case- and space-insensitively. A file missing a required column cannot be loaded.
 */
export type SourceSystem = 'salesforce' | 'marketo' | 'hubspot' | 'marketing';

export interface FormatColumn {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly required: boolean;
}

export interface ExportFormat {
  /** `<system>__<entity in snake case>`: the raw table's name. */
  readonly name: string;
  readonly system: SourceSystem;
  readonly entity: string;
  readonly columns: readonly FormatColumn[];
}

/** A column definition; required and aliases default to false and none. */
export function column(name: string, options: { required?: boolean; aliases?: readonly string[] } = {}): FormatColumn {
  return { name, aliases: options.aliases ?? [], required: options.required ?? false };
}
