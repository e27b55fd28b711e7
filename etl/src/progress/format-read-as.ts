import type { FileReport } from '../load/load-raw';

/**
 * The summary's "How files were read" block: per file the archive member, encoding and
 * delimiter, and each typed column that was not in the staging layer's format, with the
 * format detected and an example value. Plain files (UTF-8, comma-delimited, nothing
 * converted) are counted on one line, so the block stays short for a folder of clean exports.
 */
export function formatReadAs(files: readonly FileReport[], display: (path: string) => string): string[] {
  const plain = (f: FileReport): boolean => f.readAs === PLAIN && !(f.detectedColumns ?? []).some((c) => c.converted);
  const rows = files.filter((f) => f.readAs && !plain(f));
  const plainCount = files.filter((f) => f.readAs && plain(f)).length;
  if (rows.length === 0 && plainCount === 0) return [];
  const others = plainCount === 0 ? [] : [`  ${rows.length === 0 ? 'all' : 'the other'} ${plainCount} file${plainCount === 1 ? '' : 's'}: ${PLAIN}, values as exported`];
  if (rows.length === 0) return ['', 'How files were read:', ...others];
  const width = Math.max(...rows.map((f) => display(f.file).length));
  const lines = rows.map((f) => {
    const converted = (f.detectedColumns ?? []).filter((c) => c.converted);
    const columns = converted.map((c) => `${c.column}: ${c.detected}${c.decidedBy === 'date_order' ? ' (order from the agreement\'s date_order)' : ''}${c.example === null ? '' : `, e.g. "${c.example}"`}`);
    return `  ${display(f.file).padEnd(width)}  ${[f.readAs, ...columns].join('; ')}`;
  });
  return ['', 'How files were read:', ...lines, ...others];
}

const PLAIN = 'UTF-8, comma-delimited';
