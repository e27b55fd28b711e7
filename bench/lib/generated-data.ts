import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generate } from '../../etl/generate/generate';

/**
 * Generated exports for `leads` people under the bench work dir, reused across runs when the
 * same size was generated before (generation is deterministic, so reuse changes nothing).
 */
export async function generatedExports(workDir: string, leads: number, log: (line: string) => void): Promise<string> {
  const dir = join(workDir, `exports-${leads}`);
  const marker = join(dir, '.complete');
  if (existsSync(marker) && (await readFile(marker, 'utf8')) === String(leads)) {
    log(`Reusing generated exports in ${dir}`);
    return dir;
  }
  await rm(dir, { recursive: true, force: true });
  log(`Generating ${leads.toLocaleString('en-US')} leads into ${dir}…`);
  const started = performance.now();
  generate({ outDir: dir, leads });
  log(`  generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await writeFile(marker, String(leads));
  return dir;
}

/** Removes every `exports-<leads>` folder under the work dir; returns their names. */
export async function removeGeneratedExports(workDir: string): Promise<string[]> {
  const names = existsSync(workDir) ? (await readdir(workDir)).filter((name) => /^exports-\d+$/.test(name)) : [];
  for (const name of names) await rm(join(workDir, name), { recursive: true, force: true });
  return names;
}
