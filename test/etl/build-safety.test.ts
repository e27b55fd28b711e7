import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWarehouse, DataTestsFailedError } from '../../etl/src/build';

// The build's own guarantees, independent of what the models compute: the previous warehouse
// survives a failing build and a killed build, and the temp file does not linger.
// Models and data tests are replaced by small steps here (real ones run in seeds-build.test.ts).

const root = resolve(import.meta.dirname, '../..');
let dir: string;
let inputs: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'closedloop-build-'));
  inputs = join(dir, 'in');
  await writeFiles(inputs, {
    'leads.csv': 'Id,FirstName,LastName,Company,Email,Status,LeadSource,OwnerId,CreatedDate\n00Q1,Ann,Lee,Acme,ann@x.com,Open - Not Contacted,Web,005A,2026-01-02T10:00:00.000+0000\n',
  });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A stand-in for the models: one `main.leads` and `main.opportunities` from raw. */
const tinyModels = async (db: Parameters<NonNullable<NonNullable<Parameters<typeof buildWarehouse>[0]['steps']>['buildModels']>>[0]): Promise<void> => {
  await sql`create table main.leads as select "Id" as lead_id, null::timestamp as mql_at, null::timestamp as sal_at, null::timestamp as sql_at,
    null::timestamp as won_at, null::timestamp as lost_at, null::timestamp as rejected_at from raw.salesforce__lead`.execute(db);
  await sql`create table main.opportunities as select 1 as opportunity_id where false`.execute(db);
};

async function makeWarehouse(path: string, marker: string): Promise<string> {
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  await connection.run(`create table marker as select '${marker}' as v`);
  connection.closeSync();
  instance.closeSync();
  return sha256(path);
}

async function readMarker(path: string): Promise<string> {
  const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  const rows = (await connection.runAndReadAll('select v from marker')).getRowObjectsJS();
  connection.closeSync();
  instance.closeSync();
  return String(rows[0]?.['v']);
}

describe('buildWarehouse safety', () => {
  it('replaces the warehouse when every data test passes, leaving no temp file', async () => {
    const warehousePath = join(dir, 'ok', 'warehouse.duckdb');
    const report = await buildWarehouse({
      inputs: [inputs],
      warehousePath,
      agreementPath: join(root, 'agreement.yml'),
      steps: { buildModels: tinyModels, runDataTests: async () => [{ name: 'not_null(lead_id)', model: 'leads', passed: true, failingCount: 0, sample: [] }] },
    });
    expect(report.counts.leads).toBe(1);
    expect(report.files).toMatchObject([{ format: 'salesforce__lead', status: 'loaded', rowsLoaded: 1 }]);
    expect(await readdir(join(dir, 'ok'))).toEqual(['warehouse.duckdb']);
  });

  it('keeps the previous warehouse byte for byte when a data test fails, and shows the failing rows', async () => {
    const warehousePath = join(dir, 'fail', 'warehouse.duckdb');
    await rm(join(dir, 'fail'), { recursive: true, force: true });
    await writeFiles(join(dir, 'fail'), {});
    const before = await makeWarehouse(warehousePath, 'previous');
    const error = await buildWarehouse({
      inputs: [inputs],
      warehousePath,
      agreementPath: join(root, 'agreement.yml'),
      steps: {
        buildModels: tinyModels,
        runDataTests: async () => [
          { name: 'unique(lead_id)', model: 'leads', passed: true, failingCount: 0, sample: [] },
          { name: 'accepted_values(stage)', model: 'leads', passed: false, failingCount: 2, sample: [{ lead_id: 'email:a@x.com', stage: 'limbo' }, { lead_id: 'email:b@x.com', stage: 'nowhere' }] },
        ],
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataTestsFailedError);
    expect((error as Error).message).toContain('1 of 2 data tests failed; the previous warehouse was left in place.');
    expect((error as Error).message).toContain('accepted_values(stage) on leads: 2 failing rows');
    expect((error as Error).message).toContain('{"lead_id":"email:a@x.com","stage":"limbo"}');
    expect(await sha256(warehousePath)).toBe(before);
    expect(await readMarker(warehousePath)).toBe('previous');
    expect(await readdir(join(dir, 'fail'))).toEqual(['warehouse.duckdb']);
  });

  it('keeps the previous warehouse when an input is unusable', async () => {
    const warehousePath = join(dir, 'bad', 'warehouse.duckdb');
    await writeFiles(join(dir, 'bad'), {});
    const before = await makeWarehouse(warehousePath, 'previous');
    await writeFiles(join(dir, 'bad-in'), { 'x.csv': '{"not": "csv"}' });
    await expect(buildWarehouse({ inputs: [join(dir, 'bad-in')], warehousePath, agreementPath: join(root, 'agreement.yml'), steps: { buildModels: tinyModels } })).rejects.toThrow(
      /x\.csv, line 1: not a CSV export: it looks like JSON/,
    );
    await expect(buildWarehouse({ inputs: [join(dir, 'missing-folder')], warehousePath, agreementPath: join(root, 'agreement.yml') })).rejects.toThrow(
      /missing-folder: cannot read the input folder \(it does not exist\)/,
    );
    expect(await sha256(warehousePath)).toBe(before);
    expect(await readdir(join(dir, 'bad'))).toEqual(['warehouse.duckdb']);
  });

  it('a build killed mid-load leaves the previous warehouse intact; the next build removes its temp file', async () => {
    const big = join(dir, 'big');
    await writeFiles(big, {});
    // About 120 MB of Marketo activities, so the load takes long enough to be interrupted.
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(`copy (select 'g' || i as marketoGUID, (i % 50000)::varchar as leadId, '2026-01-01T00:00:00Z' as activityDate, '1' as activityTypeId,
        '' as campaignId, '100' as primaryAttributeValueId, 'www.example.com/pricing' as primaryAttributeValue,
        '{"Client IP Address": "192.0.2.1", "Webpage URL": "/pricing"}' as attributes from range(1200000) t(i))
      to '${join(big, 'activities.csv')}' (header, quote '"')`);
    connection.closeSync();
    instance.closeSync();
    const warehousePath = join(dir, 'killed', 'warehouse.duckdb');
    await writeFiles(join(dir, 'killed'), {});
    const before = await makeWarehouse(warehousePath, 'previous');

    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'etl/cli.ts'), '--input', big, '--warehouse', warehousePath, '--agreement', join(root, 'agreement.yml')], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    const loading = new Promise<void>((resolveLoading, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes('activities.csv (marketo__activities')) resolveLoading();
      });
      child.on('exit', () => reject(new Error(`CLI exited before loading:\n${stderr}`)));
    });
    await loading;
    const tempFiles = (await readdir(join(dir, 'killed'))).filter((n) => n.includes('.building-'));
    expect(tempFiles.length).toBeGreaterThan(0);
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));

    expect(await sha256(warehousePath)).toBe(before);
    expect(await readMarker(warehousePath)).toBe('previous');
    // The next build (here: one that fails its data tests) clears the killed build's leftovers.
    await buildWarehouse({ inputs: [inputs], warehousePath, agreementPath: join(root, 'agreement.yml'), steps: { buildModels: tinyModels, runDataTests: async () => [{ name: 't', model: 'leads', passed: false, failingCount: 1, sample: [] }] } }).catch(() => {});
    expect(await readdir(join(dir, 'killed'))).toEqual(['warehouse.duckdb']);
    expect(await sha256(warehousePath)).toBe(before);
  });
});

async function writeFiles(folder: string, files: Record<string, string>): Promise<void> {
  const { mkdir } = await import('node:fs/promises');
  await mkdir(folder, { recursive: true });
  for (const [name, content] of Object.entries(files)) await writeFile(join(folder, name), content);
}

async function sha256(path: string): Promise<string> {
  return createHash('sha256').update(await readFile(path)).digest('hex');
}
