import { resolve } from 'node:path';

/** Arguments the bench CLI hands every case's child process. */
export function caseArgs(argv: readonly string[] = process.argv.slice(2)): { scale: number; workDir: string; keepData: boolean } {
  const get = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const scale = Number(get('--scale') ?? '1');
  if (!(scale > 0)) throw new Error(`--scale must be a positive number; got "${get('--scale')}".`);
  return { scale, workDir: resolve(get('--work-dir') ?? '.bench'), keepData: argv.includes('--keep-data') };
}

export function leadsAt(scale: number): number {
  return Math.max(200, Math.round(1_000_000 * scale));
}
