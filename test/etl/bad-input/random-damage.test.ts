/**
 * Property: random damage to random records of random files never loses a good record.
 * Each run damages 1–6 records (a blank required id, an unreadable date, an extra field, a
 * missing field) of the generated exports and builds them. Then, for every file, exactly the
 * damaged records and the clean build's own quarantined records are quarantined (compared by
 * file and physical line, computed by a separate CSV reader), every other record is loaded,
 * and rows read = loaded + quarantined + collapsed.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWarehouse } from '../../../etl/src/build';
import { generateClean, ROOT } from './corpus';
import { parseCsvWithLines, writeCsv } from './csv-text';
import { rows } from './figures';

const agreementPath = join(ROOT, 'agreement.yml');
const RUNS = 5;

/** Files that may be damaged: a column whose blank value quarantines the record, and a date column. */
const TARGETS = [
  { file: 'salesforce-marketo/Lead.csv', required: 'Id', date: 'CreatedDate' },
  { file: 'salesforce-marketo/Opportunity.csv', required: 'Id', date: 'CreatedDate' },
  { file: 'salesforce-marketo/Task.csv', required: 'WhoId', date: 'CreatedDate' },
  { file: 'salesforce-marketo/LeadHistory.csv', required: 'LeadId', date: 'CreatedDate' },
  { file: 'salesforce-marketo/marketo-leads.csv', required: 'id', date: 'createdAt' },
  { file: 'hubspot/hubspot-contacts.csv', required: 'Record ID', date: 'Create Date' },
  { file: 'hubspot/hubspot-deals.csv', required: 'Record ID', date: 'Create Date' },
] as const;
const KINDS = ['blank-required', 'bad-date', 'extra-field', 'missing-field'] as const;

let work: string;
let clean: string;
/** `file|line` of the records the clean build quarantines (the generator's deliberate defects). */
let cleanQuarantine: Set<string>;
let conn: DuckDBConnection;
let closeDb: () => void;

async function quarantinedLines(warehouse: string, root: string): Promise<{ keys: Set<string>; reconciliation: { file: string; rows_read: number; rows_loaded: number; rows_quarantined: number; rows_collapsed: number }[] }> {
  await conn.run(`attach '${warehouse}' as w (read_only)`);
  try {
    const found = await rows<{ file: string; line: number }>(conn, `select file, line from w.main.rejected_rows where not ends_with(reason, ' (value refused, record kept)')`);
    const reconciliation = await rows<{ file: string; rows_read: number; rows_loaded: number; rows_quarantined: number; rows_collapsed: number }>(
      conn,
      'select file, rows_read, rows_loaded, rows_quarantined, rows_collapsed from w.main.file_reconciliation',
    );
    const rel = (f: string): string => f.slice(root.length + 1);
    return { keys: new Set(found.map((r) => `${rel(r.file)}|${r.line}`)), reconciliation: reconciliation.map((r) => ({ ...r, file: rel(r.file) })) };
  } finally {
    await conn.run('detach w');
  }
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'closedloop-random-damage-'));
  clean = join(work, 'clean');
  await generateClean(clean, 200);
  const instance = await DuckDBInstance.create(':memory:');
  conn = await instance.connect();
  closeDb = () => {
    conn.closeSync();
    instance.closeSync();
  };
  await buildWarehouse({ inputs: [clean], warehousePath: join(work, 'clean.duckdb'), agreementPath });
  cleanQuarantine = (await quarantinedLines(join(work, 'clean.duckdb'), clean)).keys;
}, 300_000);

afterAll(async () => {
  closeDb?.();
  await rm(work, { recursive: true, force: true });
});

describe('random damage', () => {
  it('never loses a good record, and every file reconciles', async () => {
    const damage = fc.uniqueArray(fc.record({ target: fc.nat(TARGETS.length - 1), row: fc.nat(), kind: fc.constantFrom(...KINDS) }), {
      minLength: 1,
      maxLength: 6,
      selector: (d) => `${d.target}:${d.row}`,
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(damage, async (damages) => {
        run += 1;
        const dir = join(work, `run-${run}`);
        await cp(clean, dir, { recursive: true });
        const damagedKeys = new Set<string>();
        for (const [index, target] of TARGETS.entries()) {
          const mine = damages.filter((d) => d.target === index);
          if (mine.length === 0) continue;
          const { rows: table } = parseCsvWithLines(await readFile(join(clean, target.file), 'utf8'));
          const header = table[0] ?? [];
          if (table.length < 2) continue; // no records at this size (HubSpot deals)
          const chosen = new Map<number, (typeof mine)[number]['kind']>();
          for (const d of mine) chosen.set(1 + (d.row % (table.length - 1)), d.kind);
          for (const [r, kind] of chosen) {
            const row = table[r] as string[];
            if (kind === 'blank-required') row[header.indexOf(target.required)] = '';
            if (kind === 'bad-date') row[header.indexOf(target.date)] = 'sometime soon';
            if (kind === 'extra-field') row.push('x');
            if (kind === 'missing-field') row.pop();
          }
          const text = writeCsv(table);
          await writeFile(join(dir, target.file), text);
          const written = parseCsvWithLines(text).lines;
          for (const r of chosen.keys()) damagedKeys.add(`${target.file}|${written[r]}`);
        }
        const warehouse = join(dir, 'warehouse.duckdb');
        await buildWarehouse({ inputs: [dir], warehousePath: warehouse, agreementPath });
        const { keys, reconciliation } = await quarantinedLines(warehouse, dir);
        // The clean build's defects keep their lines in files left alone; in a rewritten file, they are re-found by content.
        const expected = new Set([...cleanQuarantine].filter((k) => !TARGETS.some((t) => k.startsWith(`${t.file}|`) && damages.some((d) => TARGETS[d.target] === t))));
        for (const k of damagedKeys) expected.add(k);
        const rewrittenDefects = [...keys].filter((k) => !expected.has(k));
        // Any other quarantined record must be one of the clean build's defects in a rewritten file.
        for (const k of rewrittenDefects) {
          const [file] = k.split('|');
          expect([...cleanQuarantine].some((c) => c.startsWith(`${file}|`)), `unexpected quarantine ${k}`).toBe(true);
        }
        for (const k of expected) expect(keys.has(k), `${k} should be quarantined`).toBe(true);
        for (const r of reconciliation) {
          expect(r.rows_loaded + r.rows_quarantined + r.rows_collapsed, r.file).toBe(r.rows_read);
          const inFile = [...keys].filter((k) => k.startsWith(`${r.file}|`)).length;
          expect(r.rows_quarantined, `${r.file} quarantined`).toBe(inFile);
        }
        await rm(dir, { recursive: true, force: true });
      }),
      { numRuns: RUNS, seed: 20261202, endOnFailure: true },
    );
  }, 600_000);
});
