import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchEtl, groupModelTimes, modelGroup, wallClockShares } from './bench';
import { models } from './models/index';

describe('model groups of the ETL bench', () => {
  const cases = [
    { name: 'touchpoints', group: 'attribution and goals' },
    { name: 'attribution', group: 'attribution and goals' },
    { name: 'int_touches_unioned', group: 'attribution and goals' },
    { name: 'goal_pacing', group: 'attribution and goals' },
    { name: 'stg_marketing__spend__checked', group: 'attribution and goals' },
    { name: 'leads', group: 'funnel (leads, stages, SLA, leaks)' },
    { name: 'stage_events', group: 'funnel (leads, stages, SLA, leaks)' },
    { name: 'int_people_unified_by_email', group: 'staging and the other marts' },
    { name: 'rejected_rows', group: 'staging and the other marts' },
  ] as const;
  it.each(cases)('$name → $group', ({ name, group }) => {
    expect(models.some((m) => m.name === name)).toBe(true);
    expect(modelGroup(name)).toBe(group);
  });

  it('sums each group and divides by the build: 3 + 1 of 20 s = 20 %, 6 = 30 %, 2 = 10 %', () => {
    const times = [
      { name: 'stg_salesforce__leads', layer: 'staging', ms: 2000 },
      { name: 'leads', layer: 'marts', ms: 6000 },
      { name: 'touchpoints', layer: 'marts', ms: 3000 },
      { name: 'attribution', layer: 'marts', ms: 1000 },
    ];
    expect(groupModelTimes(times, 20_000)).toEqual([
      { group: 'attribution and goals', ms: 4000, share: 0.2 },
      { group: 'funnel (leads, stages, SLA, leaks)', ms: 6000, share: 0.3 },
      { group: 'staging and the other marts', ms: 2000, share: 0.1 },
    ]);
  });
});

describe('wall-clock shares of models that overlap', () => {
  it.each([
    { case: 'one after another: each its own time', models: [{ ms: 2000, endMs: 2000 }, { ms: 3000, endMs: 5000 }], shares: [2000, 3000] },
    { case: 'no end times (models in sequence): their own times', models: [{ ms: 2000 }, { ms: 3000 }], shares: [2000, 3000] },
    { case: 'two at once, same span: half each', models: [{ ms: 4000, endMs: 4000 }, { ms: 4000, endMs: 4000 }], shares: [2000, 2000] },
    // a runs 0–6 s, b 2–4 s: a alone 4 s + half of 2 s; b half of 2 s.
    { case: 'one inside the other', models: [{ ms: 6000, endMs: 6000 }, { ms: 2000, endMs: 4000 }], shares: [5000, 1000] },
    // a 0–4, b 2–8, c 4–5 (beside b): a 2 + 1; b 1 + 0.5 + 3; c 0.5.
    { case: 'staggered', models: [{ ms: 4000, endMs: 4000 }, { ms: 6000, endMs: 8000 }, { ms: 1000, endMs: 5000 }], shares: [3000, 4500, 500] },
  ])('$case', ({ models: spans, shares }) => {
    const models = spans.map((s, i) => ({ name: `m${i}`, layer: 'marts', ...s }));
    expect(wallClockShares(models)).toEqual(shares);
    // The shares add up to the time some model ran (every case here: from 0 to the last end, or 5 s in sequence).
    expect(shares.reduce((a, b) => a + b, 0)).toBe(Math.max(...models.map((m) => ('endMs' in m ? m.endMs : 5000))));
  });

  it('groups count a mart that ran beside another for half the overlap', () => {
    const times = [
      { name: 'leads', layer: 'marts', ms: 6000, endMs: 6000 },
      { name: 'touchpoints', layer: 'marts', ms: 2000, endMs: 4000 },
    ];
    expect(groupModelTimes(times, 10_000)).toEqual([
      { group: 'attribution and goals', ms: 1000, share: 0.1 },
      { group: 'funnel (leads, stages, SLA, leaks)', ms: 5000, share: 0.5 },
      { group: 'staging and the other marts', ms: 0, share: 0 },
    ]);
  });
});

describe('benchEtl on the bundled samples', () => {
  it('measures the references and the build, each in a process of its own, round after round, and reports the median round', async () => {
    const work = await mkdtemp(join(tmpdir(), 'closedloop-etl-bench-'));
    try {
      const lines: string[] = [];
      const result = await benchEtl(resolve(import.meta.dirname, '../../seeds'), { workDir: work, log: (line) => lines.push(line), rounds: 2 });
      // Reference and build alternate; the two-at-a-time reference runs once.
      expect(lines.filter((l) => !l.startsWith('Reading'))).toEqual([
        'DuckDB read_csv reference: 25 files (round 1 of 2)',
        'DuckDB read_csv reference, two files at a time',
        `Build: ${join(work, 'warehouse.duckdb')} (round 1 of 2)`,
        'DuckDB read_csv reference: 25 files (round 2 of 2)',
        `Build: ${join(work, 'warehouse.duckdb')} (round 2 of 2)`,
      ]);
      expect(result.rounds).toHaveLength(2);
      for (const round of result.rounds) expect(round.ratio).toBeCloseTo(round.buildMs / round.readCsvMs, 6);
      // Of two rounds the reported one is the higher ratio, and its times are the figures.
      const reported = [...result.rounds].sort((a, b) => b.ratio - a.ratio)[0]!;
      expect([result.buildMs, result.readCsvMs]).toEqual([reported.buildMs, reported.readCsvMs]);
      // The build's own report came back from its process: the samples' leads and every model.
      expect(result.report.counts.leads).toBeGreaterThan(0);
      // Every model once (in the order they finished: the later marts run two at a time), each with its own time.
      expect(result.models.map((m) => m.name).sort()).toEqual(models.map((m) => m.name).sort());
      for (const m of result.models) expect(m.ms, m.name).toBeGreaterThanOrEqual(0);
      expect(Math.max(...result.models.map((m) => m.ms))).toBeGreaterThan(0);
      expect(result.rows).toBe(result.report.files.reduce((sum, f) => sum + f.rowsRead, 0));
      expect(result.ratio).toBeCloseTo(result.buildMs / result.readCsvMs, 6);
      // Each measuring process loaded DuckDB: tens of megabytes at least.
      for (const bytes of [result.peakRssBytes, result.readCsvPeakRssBytes]) expect(bytes).toBeGreaterThan(50 * 2 ** 20);
      // The reference databases are removed; the warehouse stays.
      expect((await readdir(work)).sort()).toEqual(['warehouse.duckdb']);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }, 180_000);
});
