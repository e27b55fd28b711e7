/**
 * The bad-input corpus: small sample exports generated into a temp folder (nothing large is
 * committed), and for each case a damaged copy plus the "expected good" copy — the clean
 * files with exactly the records the case damages removed. Independent figures are computed
 * over the expected copy; the build over the damaged one must match them (zero loss).
 *
 *   npx tsx test/etl/bad-input/corpus.ts --out /tmp/corpus   # write every case, to look at
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parseCsv, writeCsv, type Table } from './csv-text';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const SYSTEM_DIRS = ['salesforce-marketo', 'hubspot'] as const;

/** Generates the clean exports (`npm run seeds`) into `out`. */
export async function generateClean(out: string, leads = 400): Promise<void> {
  await promisify(execFile)(process.execPath, ['--import', 'tsx', join(ROOT, 'etl/generate/cli.ts'), '--leads', String(leads), '--seed', '7', '--as-of', '2026-10-31', '--out', out], {
    cwd: ROOT,
  });
}

/** One case's folders: `damaged` is what the build reads, `expected` the clean files minus the damaged records. */
export interface CaseDirs {
  readonly damaged: string;
  readonly expected: string;
}

export interface Mutator {
  /**
   * Edit a file of the damaged copy only (the records stay good: the expected copy keeps them),
   * or of both copies with `expectedToo` (a value the build must treat as the independent computation does, e.g. a negative amount).
   */
  readonly edit: (file: string, change: (table: Table) => Table | void, options?: { delimiter?: string; encode?: (text: string) => Buffer | string; expectedToo?: boolean }) => Promise<void>;
  /** Edit a file of the expected copy only (a record the damaged copy makes readable, in a form the independent computation reads). */
  readonly editExpected: (file: string, change: (table: Table) => Table | void) => Promise<void>;
  /** Damage the records at `rows` (1-based data rows) of `file`; the expected copy drops them. */
  readonly damageRows: (file: string, rows: readonly number[], change: (row: string[], header: string[]) => void) => Promise<void>;
  /** Replace a file's bytes in the damaged copy (text already damaged). */
  readonly writeDamaged: (file: string, content: string | Buffer) => Promise<void>;
  /** Read a clean file's text. */
  readonly read: (file: string) => Promise<string>;
  /** Read a clean file as a table. */
  readonly table: (file: string) => Promise<Table>;
}

/** `file` is relative to the corpus root, e.g. `salesforce-marketo/Lead.csv`. */
export async function prepareCase(clean: string, out: string, mutate: (m: Mutator) => Promise<void>): Promise<CaseDirs> {
  const dirs = { damaged: join(out, 'damaged'), expected: join(out, 'expected') };
  for (const dir of Object.values(dirs)) await cp(clean, dir, { recursive: true });
  const read = (file: string): Promise<string> => readFile(join(clean, file), 'utf8');
  const table = async (file: string): Promise<Table> => parseCsv(await read(file));
  const m: Mutator = {
    read,
    table,
    edit: async (file, change, options = {}) => {
      const t = await table(file);
      const next = change(t) ?? t;
      const text = writeCsv(next, options.delimiter);
      await writeFile(join(dirs.damaged, file), options.encode ? options.encode(text) : text);
      if (options.expectedToo) await writeFile(join(dirs.expected, file), writeCsv(next));
    },
    editExpected: async (file, change) => {
      const t = await table(file);
      await writeFile(join(dirs.expected, file), writeCsv(change(t) ?? t));
    },
    damageRows: async (file, rows, change) => {
      const damaged = await table(file);
      const header = damaged[0] ?? [];
      for (const r of rows) {
        const row = damaged[r];
        if (!row) throw new Error(`${file} has no data row ${r}`);
        change(row, header);
      }
      await writeFile(join(dirs.damaged, file), writeCsv(damaged));
      const kept = (await table(file)).filter((_row, i) => !rows.includes(i));
      await writeFile(join(dirs.expected, file), writeCsv(kept));
    },
    writeDamaged: async (file, content) => {
      await mkdir(join(dirs.damaged, file, '..'), { recursive: true });
      await writeFile(join(dirs.damaged, file), content);
    },
  };
  await mutate(m);
  return dirs;
}

async function main(): Promise<void> {
  const { parseArgs } = await import('node:util');
  const { values } = parseArgs({ options: { out: { type: 'string' }, leads: { type: 'string', default: '400' } } });
  if (!values.out) throw new Error('Usage: npx tsx test/etl/bad-input/corpus.ts --out <dir> [--leads N]');
  const { cases } = await import('./cases');
  const clean = join(values.out, 'clean');
  await generateClean(clean, Number(values.leads));
  for (const c of cases) await prepareCase(clean, join(values.out, c.slug), c.mutate);
  console.log(`Wrote ${cases.length} cases under ${values.out}`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await main();
