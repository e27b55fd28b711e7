/**
 * Reusable SQL expressions (our dbt macros). Each takes and returns Kysely expressions, so
 * models compose them without concatenating SQL text. Timestamps are parsed with the
 * session time zone set to UTC by `buildModels` (a value without an offset is read as UTC).
 */
import { sql, type Expression, type RawBuilder } from 'kysely';

/**
 * true when trim() returns `expr` as it is and it is not empty. DuckDB's trim() removes Unicode
 * space separators (category Zs; tab and newline stay), and the only one in ASCII is the space:
 * a value whose first character is printable ASCII (33–126), that does not end in a space and
 * is all ASCII (as many bytes as characters) is its own trim; so is one whose last character is
 * printable ASCII. trim() decodes and classifies every character and copies the text (20M
 * values of 40 characters: 2.2 s); this test reads the first character, the last byte and the
 * length (0.2 s). The last character alone (`x[-1]`) costs 0.5 s: it is looked at only when the
 * text is not all ASCII.
 */
function trimsToItself(expr: Expression<string | null>): RawBuilder<boolean> {
  return sql<boolean>`(ascii(${expr}) between 33 and 126 and not suffix(${expr}, ' ') and (strlen(${expr}) = length(${expr}) or ascii(${expr}[-1]) between 33 and 126))`;
}

/** The same as `trim(x)`, with trim() run only on values it would change (`trimsToItself`). */
export function trimmed(expr: Expression<string | null>): RawBuilder<string | null> {
  return sql<string | null>`case when ${trimsToItself(expr)} then ${expr} else trim(${expr}) end`;
}

/**
 * NULL for empty or blank text, else the text without leading and trailing spaces: the same
 * as `nullif(trim(x), '')`, with trim() run only on values it would change (`trimsToItself`).
 * (Staging passes every text column through here.)
 */
export function blankToNull(expr: Expression<string | null>): RawBuilder<string | null> {
  return sql<string | null>`case when ${trimsToItself(expr)} then ${expr} else nullif(trim(${expr}), '') end`;
}

/**
 * A person's name from its two parts: each trimmed, joined by one space, NULL when both are
 * blank — the same as `nullif(trim(concat_ws(' ', trim(first), trim(last))), '')`: a blank part
 * is NULL, which concat_ws skips, so no space is left to trim; trim() runs only where
 * blankToNull needs it.
 */
export function fullName(first: Expression<string | null>, last: Expression<string | null>): RawBuilder<string | null> {
  return sql<string | null>`nullif(concat_ws(' ', ${blankToNull(first)}, ${blankToNull(last)}), '')`;
}

/**
 * NULL, empty or only spaces: the same as `nullif(trim(x), '') is null`, but trim() runs
 * only when the first character is not printable ASCII (see blankToNull).
 */
export function isBlank(expr: Expression<string | null>): RawBuilder<boolean> {
  return sql<boolean>`(${expr} is null or (ascii(${expr}) not between 33 and 126 and trim(${expr}) = ''))`;
}

/** Trimmed, lower-cased email; NULL when blank or without an "@". */
export function normaliseEmail(expr: Expression<string | null>): RawBuilder<string | null> {
  return sql<string | null>`case when strpos(${lowerTrimmed(expr)}, '@') > 1 then ${lowerTrimmed(expr)} end`;
}

/** Lower-cased, trimmed key for matching agreement values (statuses, sources, countries). */
export function matchKey(expr: Expression<string | null>): RawBuilder<string | null> {
  return sql<string | null>`nullif(${lowerTrimmed(expr)}, '')`;
}

/** The same as `lower(trim(x))` (`trimmed`): the key a value is looked up by in the agreement's and campaigns' names. */
export function lowerTrimmed(expr: Expression<string | null>): RawBuilder<string | null> {
  return sql<string | null>`lower(${trimmed(expr)})`;
}

/**
 * A text timestamp as a UTC TIMESTAMP: ISO 8601 with `Z` or an offset (`+0000`, `-05:00`)
 * is converted; a date alone is midnight UTC; anything unparsable is NULL.
 */
export function toUtc(expr: Expression<string | null>): RawBuilder<Date | null> {
  // The cast trims spaces itself; epoch_us → make_timestamp is the UTC wall time without
  // going through ICU (several times faster than timezone('UTC', …) on big extracts).
  return sql<Date | null>`make_timestamp(epoch_us(try_cast(${expr} as timestamptz)))`;
}

/**
 * A text timestamp that may lack an offset (HubSpot exports the portal's local time):
 * with an offset or `Z` it is converted; without one it is read in `zone`. US-style
 * `MM/DD/YYYY HH:MM` is accepted too.
 */
export function localToUtc(expr: Expression<string | null>, zone: Expression<string>): RawBuilder<Date | null> {
  // The UTC wall time of the instant through epoch_us → make_timestamp, as `toUtc`: one ICU
  // call per value (reading it in `zone`) instead of two.
  return sql<Date | null>`case
    when regexp_matches(${trimmed(expr)}, '(Z|[+-]\\d\\d:?\\d\\d)$') then ${toUtc(trimmed(expr))}
    else make_timestamp(epoch_us(timezone(${zone}, coalesce(
      try_cast(${trimmed(expr)} as timestamp),
      try_strptime(${trimmed(expr)}, ['%m/%d/%Y %H:%M', '%m/%d/%Y %H:%M:%S', '%m/%d/%Y %I:%M %p', '%m/%d/%Y'])
    ))))
  end`;
}

/**
 * A number that may carry thousand separators, a currency sign or spaces (no-break too); NULL
 * if unparsable. A value with a comma must be grouped in thousands (1,234,567.89) or the Indian
 * way (12,34,567.00), else it is NULL — 1.000,50, 1234,5, 12,5 or 0,500 written the other way
 * in a column whose detected convention is the decimal point (the load converts only values
 * of the detected convention) — so a checked column quarantines it instead of reading 1.0005
 * or 125.
 */
export function parseNumber(expr: Expression<string | null>): RawBuilder<number | null> {
  const text = trimmed(expr);
  // What a number may carry besides digits, signs and marks: currency signs and spaces.
  const noise = '$€£\\s\\x{00A0}\\x{202F}';
  const grouped = '[-+]?([1-9]\\d{0,2}(,\\d{3})+|[1-9]\\d?(,\\d\\d)+,\\d{3})(\\.\\d*)?';
  return sql<number | null>`case
    when not contains(${text}, ',') or regexp_full_match(regexp_replace(${text}, ${sql.lit(`[${noise}]`)}, '', 'g'), ${sql.lit(grouped)})
    then try_cast(regexp_replace(${text}, ${sql.lit(`[,${noise}]`)}, '', 'g') as double)
  end`;
}

/** true/false, 1/0, yes/no (any case); NULL if blank or unparsable. */
export function parseBoolean(expr: Expression<string | null>): RawBuilder<boolean | null> {
  return sql<boolean | null>`try_cast(${trimmed(expr)} as boolean)`;
}

/** True when the text is present but does not parse with `parsed` (a failed cast). */
export function failedCast(text: Expression<string | null>, parsed: Expression<unknown>): RawBuilder<boolean> {
  // The cheap test first: most values parse, so trim() runs only on failures.
  return sql<boolean>`(${parsed} is null and ${text} is not null and trim(${text}) <> '')`;
}

/** a ÷ b, NULL when b is 0 or NULL. */
export function safeDivide(a: Expression<number | null>, b: Expression<number | null>): RawBuilder<number | null> {
  return sql<number | null>`(${a})::double / nullif(${b}, 0)`;
}

/** Hours from `a` to `b` (fractional). */
export function hoursBetween(a: Expression<Date | null>, b: Expression<Date | null>): RawBuilder<number | null> {
  return sql<number | null>`(epoch(${b}) - epoch(${a})) / 3600.0`;
}

/** Days from `a` to `b` (fractional). */
export function daysBetween(a: Expression<Date | null>, b: Expression<Date | null>): RawBuilder<number | null> {
  return sql<number | null>`(epoch(${b}) - epoch(${a})) / 86400.0`;
}
