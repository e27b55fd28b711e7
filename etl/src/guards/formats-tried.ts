/**
 * What the staging casts accept, for the format guard's message about a column the loader does
 * not detect (one with no `type` in its export format, e.g. a true/false column). For a typed
 * column the guard reads the formats the loader tried from `raw._load_columns` instead.
 */
export type FormatsTried = (column: { readonly format: string; readonly column: string; readonly expected: string }) => readonly string[];

export const describeStagingCasts: FormatsTried = ({ format, expected }) => {
  if (/timestamp|date/.test(expected)) {
    return [
      'ISO 8601 with an offset or Z (2026-03-04T15:22:10.000+0000)',
      'ISO 8601 without one (2026-03-04 15:22:10)',
      'a date alone (2026-03-04)',
      ...(format.startsWith('hubspot') ? ['US M/D/YYYY H:MM[:SS] [AM/PM]'] : []),
    ];
  }
  if (/number|amount/.test(expected)) return ['digits with "." as the decimal mark, "," as thousands separator, $ € £ and spaces ignored (1,234.50)'];
  if (/true or false/.test(expected)) return ['true/false, t/f, 1/0'];
  return [expected];
};
