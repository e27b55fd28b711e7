/**
 * The bad-input suite: each case of cases.ts builds a damaged copy of small generated
 * exports over a warehouse built from the clean ones, and checks its outcome, zero loss
 * against an independent computation over the expected-good copy, and per-file
 * reconciliation against record counts taken with a separate CSV reader.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWarehouse } from '../../../etl/src/build';
import { cases, type BadInputCase } from './cases';
import { generateClean, prepareCase, ROOT } from './corpus';
import { independentFigures, recordCounts, rows, warehouseFigures, type Figures } from './figures';

const agreementPath = join(ROOT, 'agreement.yml');
let work: string;
let clean: string;
let baseline: string;
let cleanFigures: Figures;
let conn: DuckDBConnection;
let closeDb: () => void;

const sha256 = async (path: string): Promise<string> => createHash('sha256').update(await readFile(path)).digest('hex');
const rounded = (f: Figures): Figures => ({ ...f, amount: Math.round(f.amount * 100) / 100 });

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'closedloop-bad-input-'));
  clean = join(work, 'source');
  await generateClean(clean);
  baseline = join(work, 'baseline.duckdb');
  await buildWarehouse({ inputs: [clean], warehousePath: baseline, agreementPath });
  const instance = await DuckDBInstance.create(':memory:');
  conn = await instance.connect();
  closeDb = () => {
    conn.closeSync();
    instance.closeSync();
  };
  await conn.run("set TimeZone = 'UTC'");
  cleanFigures = rounded(await independentFigures(conn, clean, agreementPath));
}, 300_000);

afterAll(async () => {
  closeDb?.();
  await rm(work, { recursive: true, force: true });
});

/** Quarantined records of a file in a warehouse, with their reasons (values refused, records kept, excluded). */
async function quarantined(alias: string, file: string): Promise<string[]> {
  const found = await rows<{ reason: string }>(
    conn,
    `select reason from ${alias}.main.rejected_rows where file like '%/' || '${file.replaceAll("'", "''")}' and not ends_with(reason, ' (value refused, record kept)') order by line`,
  );
  return found.map((r) => r.reason);
}

async function runCase(c: BadInputCase): Promise<void> {
  const dirs = await prepareCase(clean, join(work, 'cases', c.slug), c.mutate);
  const warehousePath = join(work, 'cases', c.slug, 'warehouse.duckdb');
  await copyFile(baseline, warehousePath);
  const before = await sha256(warehousePath);
  const error = await buildWarehouse({ inputs: [dirs.damaged], warehousePath, agreementPath }).then(
    () => undefined,
    (e: unknown) => e as Error,
  );

  if (c.expect.outcome === 'stops') {
    expect(error?.message).toMatch(c.expect.message);
    expect(await sha256(warehousePath), 'the previous warehouse keeps serving').toBe(before);
    return;
  }
  expect(error).toBeUndefined();
  await conn.run(`attach '${warehousePath}' as w (read_only); attach '${baseline}' as b (read_only)`);
  try {
    // Zero loss: the marts hold exactly what the expected-good records give, computed independently.
    const expected = rounded(await independentFigures(conn, dirs.expected, agreementPath));
    expect(rounded(await warehouseFigures(conn, 'w'))).toEqual(expected);

    if (c.expect.outcome === 'quarantines') {
      const now = await quarantined('w', c.expect.file);
      const then = await quarantined('b', c.expect.file);
      expect(now.length - then.length, `records of ${c.expect.file} quarantined beyond the clean build`).toBe(c.expect.rows);
      expect(now.filter((r) => c.expect.outcome === 'quarantines' && c.expect.reason.test(r))).toHaveLength(c.expect.rows);
    }

    // Reconciliation: rows read = loaded + quarantined + collapsed, and rows read = the file's records by another reader.
    const counts = await recordCounts(dirs.damaged);
    const reconciled = await rows<{ file: string; status: string; rows_read: number; rows_loaded: number; rows_quarantined: number; rows_collapsed: number }>(
      conn,
      'select file, status, rows_read, rows_loaded, rows_quarantined, rows_collapsed from w.main.file_reconciliation order by file',
    );
    expect(reconciled.length).toBeGreaterThan(0);
    for (const r of reconciled) {
      expect(r.rows_loaded + r.rows_quarantined + r.rows_collapsed, basename(r.file)).toBe(r.rows_read);
      expect(r.rows_read, `${basename(r.file)} rows read`).toBe(r.status === 'duplicate' ? 0 : counts.get(r.file));
    }
  } finally {
    await conn.run('detach w; detach b');
  }
}

describe('bad input: each case loads, quarantines exactly, or stops — and loses nothing', () => {
  it('the clean corpus builds to the independent figures', async () => {
    await conn.run(`attach '${baseline}' as base0 (read_only)`);
    try {
      expect(rounded(await warehouseFigures(conn, 'base0'))).toEqual(cleanFigures);
      expect(cleanFigures.leads).toBeGreaterThan(100);
      expect(cleanFigures.amount).toBeGreaterThan(0);
    } finally {
      await conn.run('detach base0');
    }
  });

  it('--accept-drop publishes a build that would stop on the drop (a truncated Lead.csv), with what is there', async () => {
    const truncated = cases.find((c) => c.slug === 'truncated-lead-file');
    if (!truncated) throw new Error('the truncated-lead-file case is gone');
    const dirs = await prepareCase(clean, join(work, 'accept-drop'), truncated.mutate);
    const warehousePath = join(work, 'accept-drop', 'warehouse.duckdb');
    await copyFile(baseline, warehousePath);
    const report = await buildWarehouse({ inputs: [dirs.damaged], warehousePath, agreementPath, acceptDrop: true });
    await conn.run(`attach '${warehousePath}' as dropped (read_only)`);
    try {
      const figures = rounded(await warehouseFigures(conn, 'dropped'));
      expect(figures).toEqual(rounded(await independentFigures(conn, dirs.damaged, agreementPath)));
      expect(figures.sqls).toBeLessThan(cleanFigures.sqls * 0.75);
      // The record cut in half is quarantined, not lost.
      const lead = report.reconciliation.find((r) => r.file.endsWith('/Lead.csv'));
      expect(lead && lead.read - lead.loaded - lead.collapsed).toBe(lead?.quarantined);
      expect(await quarantined('dropped', 'Lead.csv')).toContainEqual(expect.stringMatching(/MISSING COLUMNS|UNQUOTED|quote/i));
    } finally {
      await conn.run('detach dropped');
    }
  }, 120_000);

  for (const c of cases) {
    const outcome = c.expect.outcome === 'quarantines' ? `quarantines ${c.expect.rows} of ${c.expect.file}` : c.expect.outcome;
    const title = `${c.title}: ${outcome}${c.knownWrong ? ` (known wrong: ${c.knownWrong})` : ''}`;
    (c.knownWrong && !process.env.SHOW_KNOWN_WRONG ? it.fails : it)(title, () => runCase(c), 120_000);
  }
});
