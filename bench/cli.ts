/**
 * `npm run bench`: runs every benchmark case in its own child process (so peak RSS is the
 * case's own), prints one table, and with --json writes the same figures for comparison
 * over time. Benchmarks are not tests: they report, they do not fail on a missed target.
 */
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBenchArgs, usage } from './lib/args';
import { formatTable } from './lib/format-table';
import { removeGeneratedExports } from './lib/generated-data';
import { RESULT_MARKER, type CaseResult } from './lib/result';

const cases = ['etl', 'cube', 'web', 'cluster'] as const;
const here = dirname(fileURLToPath(import.meta.url));

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  if (args === 'help') {
    console.log(usage);
    return;
  }
  const unknown = args.only.filter((name) => !(cases as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`Unknown case(s) ${unknown.join(', ')}; choose from ${cases.join(', ')}.`);
  const selected = args.only.length > 0 ? cases.filter((c) => args.only.includes(c)) : cases;
  const workDir = resolve(args.workDir);
  await mkdir(workDir, { recursive: true });

  const results: CaseResult[] = [];
  try {
    for (const name of selected) {
      console.log(`\n== bench case "${name}" at scale ${args.scale}`);
      results.push(...(await runCase(name, args.scale, workDir, args.keepData)));
    }
  } finally {
    // Cases share the generated exports (generated once per scale); remove them after the
    // last one, or when one fails (10M leads are ~17 GB of CSV).
    if (!args.keepData) {
      const removed = await removeGeneratedExports(workDir);
      if (removed.length > 0) console.log(`\nRemoved the generated exports (${removed.join(', ')}); --keep-data keeps them`);
    }
  }

  console.log(`\n${formatTable(results)}`);
  if (args.json) {
    await mkdir(dirname(resolve(args.json)), { recursive: true });
    await writeFile(args.json, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\nWrote ${args.json}`);
  }
}

function runCase(name: string, scale: number, workDir: string, keepData: boolean): Promise<CaseResult[]> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(here, 'cases', `${name}.ts`), '--scale', String(scale), '--work-dir', workDir, ...(keepData ? ['--keep-data'] : [])],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const results: CaseResult[] = [];
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith(RESULT_MARKER)) results.push(JSON.parse(line.slice(RESULT_MARKER.length)) as CaseResult);
        else process.stdout.write(`  ${line}\n`);
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolvePromise(results);
      else reject(new Error(`bench case "${name}" exited with code ${code}`));
    });
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
