/**
 * A small RFC 4180 reader/writer for mutating the corpus (quoted fields, doubled quotes,
 * quoted newlines). Independent of etl/src: the tests must not check the loader with itself.
 */
export type Table = string[][];

export function parseCsv(text: string): Table {
  return parseCsvWithLines(text).rows;
}

/** The records and the physical line (1-based) each starts on. */
export function parseCsvWithLines(text: string): { rows: Table; lines: number[] } {
  const rows: Table = [];
  const lines: number[] = [];
  let line = 1;
  let start = 1;
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\n') line++;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      row.push(field);
      if (!(row.length === 1 && row[0] === '')) {
        rows.push(row);
        lines.push(start);
      }
      if (c === '\r' && body[i] === '\n') line++;
      start = line;
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
    lines.push(start);
  }
  return { rows, lines };
}

export function writeCsv(table: Table, delimiter = ','): string {
  const quote = (v: string): string => (v.includes(delimiter) || v.includes('"') || v.includes('\n') || v.includes('\r') ? `"${v.replaceAll('"', '""')}"` : v);
  return `${table.map((r) => r.map(quote).join(delimiter)).join('\n')}\n`;
}

/** Index of `name` in the header; throws when absent (a corpus case naming a wrong column is a test bug). */
export function col(table: Table, name: string): number {
  const i = table[0]?.indexOf(name) ?? -1;
  if (i < 0) throw new Error(`no column ${name} in ${table[0]?.join(',')}`);
  return i;
}
