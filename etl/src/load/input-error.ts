/**
 * An export that cannot be used as given. Carries what the user needs to fix it: the file,
 * the line, the column and what was expected.
 */
export class InputError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly column: string | undefined;
  readonly expected: string | undefined;

  constructor(details: { file: string; line?: number; column?: string; expected?: string; problem: string }) {
    const where = [details.file, details.line === undefined ? undefined : `line ${details.line}`, details.column === undefined ? undefined : `column "${details.column}"`]
      .filter((part) => part !== undefined)
      .join(', ');
    super(`${where}: ${details.problem}${details.expected ? `; expected ${details.expected}` : ''}`);
    this.name = 'InputError';
    this.file = details.file;
    this.line = details.line;
    this.column = details.column;
    this.expected = details.expected;
  }
}

/** Several unusable exports, reported together so one run shows every file to fix. */
export class InputErrors extends Error {
  readonly errors: readonly InputError[];

  constructor(errors: readonly InputError[]) {
    super(errors.length === 1 ? (errors[0]?.message ?? '') : `${errors.length} input files cannot be used:\n${errors.map((e) => `  - ${e.message}`).join('\n')}`);
    this.name = 'InputErrors';
    this.errors = errors;
  }
}
