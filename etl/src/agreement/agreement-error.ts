/** A wrong key or value in the agreement file: names the file, position, key and what was expected. */
export class AgreementError extends Error {
  override readonly name = 'AgreementError';
  constructor(
    readonly file: string,
    readonly key: string,
    readonly expected: string,
    readonly line?: number,
    readonly column?: number,
    readonly found?: string,
  ) {
    const where = line === undefined ? file : `${file}:${line}:${column ?? 1}`;
    const got = found === undefined ? '' : ` (found ${found})`;
    super(`${where}: ${key === '' ? 'agreement' : `"${key}"`}: expected ${expected}${got}`);
  }
}
