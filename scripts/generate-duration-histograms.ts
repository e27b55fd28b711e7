/**
 * Rewrites the generated blocks of the Cube model that serve duration quantiles from rollups
 * (scripts/lib/duration-histogram.ts; model/README.md, "Quantiles"):
 *   npx tsx scripts/generate-duration-histograms.ts          # rewrite
 *   npx tsx scripts/generate-duration-histograms.ts --check  # exit 1 when a block is out of date
 * A block sits between `# >>> generated … <id>` and `# <<< <id>` in a cube file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from './lib/paths';
import { generatedBlocks, replaceBlocks } from './lib/duration-histogram-model';

export function outdatedFiles(write: boolean): string[] {
  const outdated: string[] = [];
  for (const [file, blocks] of Object.entries(generatedBlocks())) {
    const path = join(root, file);
    const before = readFileSync(path, 'utf8');
    const after = replaceBlocks(file, before, blocks);
    if (after === before) continue;
    outdated.push(file);
    if (write) writeFileSync(path, after);
  }
  return outdated;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const check = process.argv.includes('--check');
  const files = outdatedFiles(!check);
  if (check && files.length > 0) {
    console.error(`Out of date: ${files.join(', ')}. Run: npx tsx scripts/generate-duration-histograms.ts`);
    process.exitCode = 1;
  } else console.log(files.length > 0 ? `Rewrote ${files.join(', ')}` : 'Up to date.');
}
