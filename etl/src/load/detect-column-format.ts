/**
 * How a typed column of one file is written, detected from a sample of its values (the first
 * non-blank ones), and the SQL that turns it into the text the staging casts expect (ISO 8601
 * for dates, a plain decimal for numbers). DuckDB does the conversion (`try_strptime` with the
 * detected formats, `regexp_replace`), once per record, in the raw view; a column already in
 * the staging layer's format gets no conversion at all. A value that does not fit the detected
 * format is passed through unchanged, so staging quarantines it with its file, line and column.
 */
import type { ColumnType } from '../formats/format';
import type { DateOrder } from '../agreement/agreement';

export interface ColumnDetection {
  /** Canonical column name. */
  readonly column: string;
  readonly type: ColumnType;
  /** What was detected, for people: `ISO 8601`, `M/D/YYYY h:mm AM/PM`, `decimal comma (1.234,50)`. */
  readonly detected: string;
  /** Every format considered, for people (the guard's "formats tried"). */
  readonly tried: readonly string[];
  /** Why that one: `values` (the sample decided), `date_order` (agreement), `delimiter` or `default`. */
  readonly decidedBy: 'values' | 'date_order' | 'delimiter' | 'default';
  /** The first sampled value. */
  readonly example: string | null;
  /** A sampled value that fits no detected format, if any. */
  readonly unfitExample: string | null;
  readonly sampled: number;
  /** Sampled values that fit the detected format. */
  readonly fitting: number;
  /** SQL over the raw text `v` giving the staging layer's text; null when none is needed. */
  readonly convert: ((v: string) => string) | null;
}

export interface DetectContext {
  /** The file's delimiter (`;` files are European Excel: ambiguous numbers use a decimal comma). */
  readonly delimiter: string;
  readonly dateOrder: DateOrder;
  /** Zone of times without an offset (the agreement's `source_time_zones` for the system). */
  readonly timeZone: string;
  /** Staging already reads ISO times without an offset in `timeZone` (HubSpot): leave them. */
  readonly stagingReadsLocalIso: boolean;
}

// ---------------------------------------------------------------------------------- dates

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const DMY_LIKE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:,?[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*([AaPp]\.?[Mm]\.?)?)?$/;
const YMD_SLASH = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

type DateFamily = 'iso' | 'ymd-slash' | '/' | '.' | '-';

interface DateShape {
  readonly family: DateFamily;
  readonly first?: number;
  readonly second?: number;
  readonly twoDigitYear?: boolean;
  readonly offset?: boolean;
}

function dateShape(value: string): DateShape | null {
  const iso = ISO.exec(value);
  if (iso) return { family: 'iso', offset: iso[7] !== undefined };
  if (YMD_SLASH.test(value)) return { family: 'ymd-slash' };
  const m = DMY_LIKE.exec(value);
  if (!m) return null;
  return { family: m[2] as '/' | '.' | '-', first: Number(m[1]), second: Number(m[3]), twoDigitYear: (m[4] ?? '').length === 2 };
}

const FAMILY_NAMES: Record<DateFamily, string> = {
  iso: 'ISO 8601 (2026-03-05T14:20:00.000+0000, 2026-03-05)',
  'ymd-slash': 'YYYY/MM/DD',
  '/': 'M/D/YYYY or D/M/YYYY (Excel, US or Europe)',
  '.': 'DD.MM.YYYY (Excel, Europe)',
  '-': 'DD-MM-YYYY or MM-DD-YYYY',
};

/** strptime formats for a day/month/year date with every time variant Excel writes. */
function strptimeFormats(separator: string, dayFirst: boolean, twoDigitYear: boolean): string[] {
  const year = twoDigitYear ? '%y' : '%Y';
  const date = dayFirst ? `%d${separator}%m${separator}${year}` : `%m${separator}%d${separator}${year}`;
  const times = ['', ' %H:%M', ' %H:%M:%S', ' %H:%M:%S.%f', ' %I:%M %p', ' %I:%M:%S %p', ' %I:%M%p', ', %H:%M', ', %I:%M %p', 'T%H:%M:%S'];
  return times.map((t) => `${date}${t}`);
}

function sqlList(formats: readonly string[]): string {
  return `[${formats.map((f) => `'${f.replaceAll("'", "''")}'`).join(', ')}]`;
}

function label(separator: string, dayFirst: boolean, twoDigitYear: boolean): string {
  const y = twoDigitYear ? 'YY' : 'YYYY';
  return dayFirst ? `D${separator}M${separator}${y} [h:mm]` : `M${separator}D${separator}${y} [h:mm[:ss] [AM/PM]]`;
}

/** Text the staging casts read as UTC: parsed `p` (a TIMESTAMP) as ISO with Z, or a date. */
function isoText(parsed: string, type: ColumnType, timeZone: string): string {
  if (type === 'date') return `strftime(${parsed}, '%Y-%m-%d %H:%M:%S')`;
  const utc = timeZone !== 'UTC' ? `timezone('UTC', timezone('${timeZone.replaceAll("'", "''")}', ${parsed}))` : parsed;
  return `strftime(${utc}, '%Y-%m-%dT%H:%M:%S.%fZ')`;
}

export function detectDateColumn(column: string, type: 'timestamp' | 'date', values: readonly string[], ctx: DetectContext): ColumnDetection {
  const shapes = values.map(dateShape);
  const counts = new Map<DateFamily, number>();
  for (const s of shapes) if (s) counts.set(s.family, (counts.get(s.family) ?? 0) + 1);
  const family = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'iso';
  const inFamily = shapes.filter((s): s is DateShape => s !== null && s.family === family);
  const base = {
    column,
    type,
    example: values[0] ?? null,
    unfitExample: values.find((_v, i) => shapes[i]?.family !== family) ?? null,
    sampled: values.length,
    fitting: inFamily.length,
  };
  const tried = Object.values(FAMILY_NAMES);
  if (family === 'iso') {
    // Staging casts ISO itself. Only times without an offset in a non-UTC source zone need
    // converting (for a system whose staging reads them as UTC).
    const needsZone = type === 'timestamp' && !ctx.stagingReadsLocalIso && ctx.timeZone !== 'UTC' && inFamily.some((s) => !s.offset);
    return {
      ...base,
      detected: needsZone ? `ISO 8601 without offset, read in ${ctx.timeZone}` : 'ISO 8601',
      tried,
      decidedBy: 'values',
      convert: needsZone
        ? (v) => `case when regexp_matches(${v}, '(Z|[+-]\\d\\d(:?\\d\\d)?)$') then ${v} else coalesce(${isoText(`try_cast(trim(${v}) as timestamp)`, type, ctx.timeZone)}, ${v}) end`
        : null,
    };
  }
  if (family === 'ymd-slash') {
    const formats = ['%Y/%m/%d', '%Y/%m/%d %H:%M', '%Y/%m/%d %H:%M:%S'];
    return { ...base, detected: 'YYYY/MM/DD [HH:mm[:ss]]', tried, decidedBy: 'values', convert: (v) => `coalesce(${isoText(`try_strptime(trim(${v}), ${sqlList(formats)})`, type, ctx.timeZone)}, ${v})` };
  }
  // Day/month order: a first number above 12 can only be a day, a second one above 12 only a day too.
  const dayFirstVotes = inFamily.filter((s) => (s.first ?? 0) > 12).length;
  const monthFirstVotes = inFamily.filter((s) => (s.second ?? 0) > 12).length;
  let dayFirst: boolean;
  let decidedBy: ColumnDetection['decidedBy'] = 'values';
  if (dayFirstVotes > 0 || monthFirstVotes > 0) dayFirst = dayFirstVotes >= monthFirstVotes;
  else if (family === '.') {
    dayFirst = true; // nobody writes month.day.year
    decidedBy = 'default';
  } else {
    dayFirst = ctx.dateOrder === 'day_first';
    decidedBy = 'date_order';
  }
  const twoDigitYear = inFamily.filter((s) => s.twoDigitYear).length > inFamily.length / 2;
  const formats = strptimeFormats(family, dayFirst, twoDigitYear);
  const fitting = inFamily.filter((s) => (dayFirst ? (s.second ?? 0) <= 12 : (s.first ?? 0) <= 12) && Boolean(s.twoDigitYear) === twoDigitYear).length;
  return {
    ...base,
    fitting,
    unfitExample: base.unfitExample ?? values.find((_v, i) => { const s = shapes[i]; return s?.family === family && (dayFirst ? (s.second ?? 0) > 12 : (s.first ?? 0) > 12); }) ?? null,
    detected: label(family, dayFirst, twoDigitYear),
    tried,
    decidedBy,
    // try_strptime with a list tries each format; a value fitting none stays as written.
    convert: (v) => `coalesce(${isoText(`try_strptime(trim(${v}), ${sqlList(formats)})`, type, ctx.timeZone)}, ${v})`,
  };
}

// -------------------------------------------------------------------------------- numbers

/** Currency signs, ISO codes and spaces (incl. no-break and narrow no-break) Excel writes around numbers. */
const DECORATION = /[\s\u00a0\u202f$€£¥']|\b(?:USD|EUR|GBP|CHF|CAD|AUD)\b/gi;
const PLAIN = /^-?\d+(\.\d+)?$/;

/** Votes of one number for its decimal mark: ',' or '.', 'ambiguous' (1,234 / 1.234), null (no mark). */
function decimalVote(value: string): ',' | '.' | 'ambiguous' | null | 'unfit' {
  const s = value.replace(DECORATION, '').replace(/^\((.*)\)$/, '$1').replace(/^[-+]|-$/g, '');
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return 'unfit';
  const dots = s.split('.').length - 1;
  const commas = s.split(',').length - 1;
  if (dots > 0 && commas > 0) return s.lastIndexOf(',') > s.lastIndexOf('.') ? ',' : '.';
  if (commas > 1) return '.';
  if (dots > 1) return ',';
  const mark = commas === 1 ? ',' : dots === 1 ? '.' : null;
  if (mark === null) return null;
  const after = s.length - s.indexOf(mark) - 1;
  if (after !== 3) return mark;
  return 'ambiguous';
}

export function detectNumberColumn(column: string, values: readonly string[], ctx: DetectContext): ColumnDetection {
  const votes = values.map(decimalVote);
  const comma = votes.filter((v) => v === ',').length;
  const point = votes.filter((v) => v === '.').length;
  const ambiguous = votes.some((v) => v === 'ambiguous');
  let mark: ',' | '.';
  let decidedBy: ColumnDetection['decidedBy'] = 'values';
  if (comma > 0 || point > 0) mark = comma > point ? ',' : '.';
  else if (ambiguous) {
    mark = ctx.delimiter === ';' ? ',' : '.';
    decidedBy = 'delimiter';
  } else {
    mark = '.';
    decidedBy = 'default';
  }
  const unfitIndex = votes.findIndex((v) => v === 'unfit' || (v !== null && v !== 'ambiguous' && v !== mark));
  const plain = mark === '.' && values.every((v) => PLAIN.test(v));
  const tried = ['decimal point (1,234.50)', 'decimal comma (1.234,50)'];
  return {
    column,
    type: 'number',
    detected: mark === ',' ? 'decimal comma (1.234,50)' : plain ? 'plain number (1234.5)' : 'decimal point (1,234.50)',
    tried,
    decidedBy,
    example: values[0] ?? null,
    unfitExample: unfitIndex >= 0 ? (values[unfitIndex] ?? null) : null,
    sampled: values.length,
    fitting: votes.filter((v) => v !== 'unfit' && (v === null || v === 'ambiguous' || v === mark)).length,
    convert: plain ? null : (v) => numberSql(v, mark),
  };
}

/**
 * The number as plain decimal text: decorations dropped, `(1,234.00)` and `1234-` negative,
 * thousand separators removed, the decimal mark a point. Anything else stays as written.
 */
function numberSql(v: string, mark: ',' | '.'): string {
  const stripped = `regexp_replace(${v}, '[\\s\\x{00A0}\\x{202F}$€£¥'']|\\b(USD|EUR|GBP|CHF|CAD|AUD)\\b', '', 'gi')`;
  const negative = `((starts_with(${stripped}, '(') and ends_with(${stripped}, ')')) or ends_with(${stripped}, '-'))`;
  const bare = `trim(${stripped}, '()-')`;
  const sign = `(case when starts_with(${stripped}, '-') then '-' else '' end)`;
  // Only values written in the detected convention are converted; one whose own separators
  // say otherwise (205,300.00 in a decimal-comma column) is left for staging to read as written.
  const shape = mark === ',' ? `'\\d{1,3}(\\.\\d{3})+(,\\d+)?|\\d+(,\\d+)?|,\\d+'` : `'\\d{1,3}(,\\d{3})+(\\.\\d+)?|\\d+(\\.\\d+)?|\\.\\d+'`;
  const decimal = mark === ',' ? `replace(replace(${bare}, '.', ''), ',', '.')` : `replace(${bare}, ',', '')`;
  return `(case when regexp_full_match(${bare}, ${shape}) then (case when ${negative} then '-' else ${sign} end) || ${decimal} else ${v} end)`;
}
