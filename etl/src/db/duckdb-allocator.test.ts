import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ALLOCATOR_CONF, ALLOCATOR_ENV } from './duckdb-allocator';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../../..');
const allocatorModule = resolve(import.meta.dirname, 'duckdb-allocator.ts');

/**
 * In a fresh Node process: import the module, ask jemalloc to print its options at exit
 * (`stats_print`), load DuckDB, run a query. jemalloc prints what it read from the variable.
 */
async function allocatorOptions(env: NodeJS.ProcessEnv): Promise<string> {
  const script = `
    await import(${JSON.stringify(allocatorModule)});
    process.env[${JSON.stringify(ALLOCATOR_ENV)}] += ',stats_print:true';
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const instance = await DuckDBInstance.create(':memory:');
    await (await instance.connect()).run('select 1');`;
  const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, env, maxBuffer: 16 * 1024 * 1024 });
  return stdout + stderr;
}

function envWithout(name: string): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env[name];
  return env;
}

// DuckDB's Linux builds allocate with jemalloc; its macOS and Windows builds do not.
const jemalloc = process.platform === 'linux';

describe('DuckDB allocator settings', () => {
  it.runIf(jemalloc)('reach jemalloc when the module is imported before DuckDB loads', async () => {
    const output = await allocatorOptions(envWithout(ALLOCATOR_ENV));
    expect(output).toContain(`Environment variable MALLOC_CONF: "${ALLOCATOR_CONF},stats_print:true"`);
    expect(output).toMatch(/opt\.dirty_decay_ms: 30000\b/);
    expect(output).toMatch(/opt\.muzzy_decay_ms: 30000\b/);
    expect(output).not.toMatch(/Invalid conf/i);
  }, 60_000);

  it.runIf(jemalloc)('keep a value already in the environment', async () => {
    const output = await allocatorOptions({ ...process.env, [ALLOCATOR_ENV]: 'dirty_decay_ms:5000' });
    expect(output).toMatch(/opt\.dirty_decay_ms: 5000\b/);
    expect(output).toMatch(/opt\.muzzy_decay_ms: 1000\b/); // DuckDB's own default, untouched
  }, 60_000);

  // jemalloc reads the variable once, as DuckDB's library loads: the module must be the first
  // import of every entry point that builds a warehouse.
  it.each(['etl/cli.ts', 'scripts/start.ts', 'etl/src/bench-measure.ts'])('are the first import of %s', async (entry) => {
    const source = await readFile(join(root, entry), 'utf8');
    const first = /^import\s+(?:[^'"]*\s+from\s+)?['"]([^'"]+)['"]/m.exec(source);
    expect(first && resolve(root, dirname(entry), `${first[1]}.ts`)).toBe(allocatorModule);
  });
});
