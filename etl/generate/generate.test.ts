import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { generate, type GenerateOptions } from './generate';

const run = promisify(execFile);
const tmp = (prefix: string): string => mkdtempSync(join(tmpdir(), prefix));

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

describe('determinism', () => {
  it('same arguments give byte-identical files', () => {
    const a = tmp('gen-a-');
    const b = tmp('gen-b-');
    generate({ outDir: a, leads: 800, seed: 7 });
    generate({ outDir: b, leads: 800, seed: 7 });
    const files = listFiles(a);
    expect(files).toEqual(listFiles(b));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
  });

  it('another seed gives other data', () => {
    const a = tmp('gen-s1-');
    const b = tmp('gen-s2-');
    generate({ outDir: a, leads: 300, seed: 1 });
    generate({ outDir: b, leads: 300, seed: 2 });
    const lead = 'salesforce-marketo/Lead.csv';
    expect(readFileSync(join(a, lead), 'utf8')).not.toBe(readFileSync(join(b, lead), 'utf8'));
  });

  it('splits people 70/30 between the datasets by default', () => {
    const r = generate({ outDir: tmp('gen-split-'), leads: 1000 });
    expect([r.salesforceMarketoPeople, r.hubspotPeople]).toEqual([700, 300]);
  });
});

describe('option validation', () => {
  const cases: { options: Omit<GenerateOptions, 'outDir'>; message: RegExp }[] = [
    { options: { leads: 0 }, message: /leads must be a whole number from 1/ },
    { options: { leads: 2.5 }, message: /leads must be a whole number/ },
    { options: { seed: -1 }, message: /seed must be a whole number/ },
    { options: { asOf: new Date('nope') }, message: /as-of is not a valid date/ },
    { options: { hubspotShare: 1.5 }, message: /hubspot share must be between 0 and 1/ },
    { options: { activitiesPerLead: 2 }, message: /activities per lead must be between 4 and 100/ },
  ];
  for (const { options, message } of cases) {
    it(`rejects ${JSON.stringify(options)}`, () => expect(() => generate({ outDir: tmp('gen-bad-'), ...options })).toThrow(message));
  }
});

describe('CLI', () => {
  const cli = (args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'etl/generate/cli.ts', ...args], { cwd: join(import.meta.dirname, '../..') }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );
  const bad = [
    { args: ['--leads', '10'], message: '--out <dir> is required' },
    { args: ['--out', '/tmp/x', '--leads', 'many'], message: '--leads must be a whole number (got "many")' },
    { args: ['--out', '/tmp/x', '--as-of', '2026-02-30'], message: '--as-of must be a date YYYY-MM-DD' },
    { args: ['--out', '/tmp/x', '--as-of', '2026-10-31 10:00'], message: '--as-of must be a date YYYY-MM-DD' },
    { args: ['--out', '/tmp/x', '--leads', '0'], message: 'leads must be a whole number from 1' },
    { args: ['--out', '/tmp/x', '--bogus'], message: "Unknown option '--bogus'" },
  ];
  for (const { args, message } of bad) {
    it(`fails clearly on ${args.join(' ')}`, async () => {
      const r = await cli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stderr).not.toContain('    at ');
    });
  }

  it('prints every file with its row count', async () => {
    const out = tmp('gen-cli-');
    const r = await cli(['--out', out, '--leads', '200', '--seed', '3', '--as-of', '2026-06-30']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Wrote 200 people (140 Salesforce+Marketo, 60 HubSpot), as of 2026-06-30T23:59:59.000Z, seed 3');
    for (const f of listFiles(out)) {
      const text = readFileSync(join(out, f), 'utf8');
      const header = text.split('\n')[0] ?? '';
      expect(r.stdout, f).toMatch(new RegExp(`${f.replaceAll('.', '\\.')}\\s+\\d+ rows`));
      expect(header.length, f).toBeGreaterThan(0);
    }
  });
});
