import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from './input-error';

/**
 * Every regular, non-hidden file under the input folders (recursively), in a stable order:
 * folders in the order given, files sorted by path. A path may also name a single file.
 */
export async function discoverFiles(inputs: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    let info;
    try {
      info = await stat(input);
    } catch (error) {
      throw new InputError({ file: input, problem: `cannot read the input folder (${describe(error)})`, expected: 'an existing folder of CSV exports' });
    }
    if (info.isFile()) {
      files.push(input);
      continue;
    }
    if (!info.isDirectory()) throw new InputError({ file: input, problem: 'is neither a folder nor a file', expected: 'a folder of CSV exports' });
    files.push(...(await walk(input)));
  }
  return [...new Set(files)];
}

async function walk(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    throw new InputError({ file: dir, problem: `cannot read the input folder (${describe(error)})`, expected: 'a readable folder of CSV exports' });
  }
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await walk(path)));
    else if (entry.isFile()) found.push(path);
  }
  return found;
}

function describe(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'it does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
