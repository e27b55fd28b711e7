/**
 * ETL case: build the warehouse from generated exports (1,000,000 leads at scale 1, about
 * ten Marketo activities each) and compare with DuckDB's own read_csv of the same files.
 * The case's warehouses are removed when it ends (`--keep-data` keeps them).
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { benchEtl } from '../../etl/src/bench';
import { BUILD_MEMORY_LIMIT } from '../../etl/src/db/build-memory';
import { caseArgs, leadsAt } from '../lib/case-args';
import { generatedExports } from '../lib/generated-data';
import { emit, ratio } from '../lib/result';

const { scale, workDir, keepData } = caseArgs();
const leads = leadsAt(scale);
const log = (line: string) => console.log(line);
const exportsDir = await generatedExports(workDir, leads, log);
const etlDir = join(workDir, `etl-${leads}`);
// Three rounds up to 1M leads (~5 min at 1M): one pair of measurements on this shared VM can be
// off by a fifth either way. One above (a 10M build takes a quarter of an hour).
const rounds = leads <= 1_000_000 ? 3 : 1;
const result = await benchEtl(exportsDir, { workDir: etlDir, log, rounds });
if (!keepData) await rm(etlDir, { recursive: true, force: true });

const load = result.phases.find((p) => p.phase === 'load')?.ms ?? 0;
const attribution = result.groups.find((g) => g.group === 'attribution and goals');
emit({
  // Each measurement ran in a process of its own: the build's peak (the references' is a note).
  peakRssMb: Math.round(result.peakRssBytes / 2 ** 20),
  name: 'etl build',
  scale: `${leads.toLocaleString('en-US')} leads, ${result.rows.toLocaleString('en-US')} rows, ${(result.bytes / 1e6).toFixed(0)} MB`,
  figures: [
    { name: 'build time', value: result.buildMs / 1000, unit: 's' },
    { name: 'build CPU time (user + sys)', value: result.buildCpuMs / 1000, unit: 's' },
    { name: 'DuckDB read_csv time', value: result.readCsvMs / 1000, unit: 's' },
    { name: 'DuckDB read_csv CPU time (user + sys)', value: result.readCsvCpuMs / 1000, unit: 's' },
    { name: 'DuckDB read_csv time, two files at a time', value: result.readCsvParallelMs / 1000, unit: 's' },
    { name: 'rows/s', value: result.rowsPerSecond, unit: 'rows/s' },
    ...result.phases.map(({ phase, ms }) => ({ name: `phase ${phase}`, value: ms / 1000, unit: 's' })),
    ...result.groups.map(({ group, ms }) => ({ name: `models: ${group}`, value: ms / 1000, unit: 's' })),
  ],
  ratios: [
    ratio('build ÷ read_csv', result.ratio, 'DuckDB read_csv of the same files into tables, one after another', { max: leads >= 10_000_000 ? 2.0 : 1.6 }),
    ratio('build ÷ read_csv, CPU time', result.buildCpuMs / result.readCsvCpuMs, 'the same, user + sys CPU time (steadier on a busy machine)'),
    ratio('build ÷ read_csv, two at a time', result.buildMs / result.readCsvParallelMs, 'the same, two files at a time (as the build loads them)'),
    ratio('load phase ÷ read_csv', load / result.readCsvMs, 'the load phase (read, line numbers, formats, raw views) against the plain read'),
    ratio('attribution and goal models ÷ build', attribution?.share ?? 0, 'their models\' wall time (int_touches_unioned, touchpoints, attribution, spend, campaign_performance, goals; while two marts run at once, half each) over the whole build', { max: 0.2 }),
  ],
  notes: [
    `the build loads two files at a time on two connections; the target ratio (≤ 1.6 at 1M leads, ≤ 2.0 at 10M) is against the plain one-file-after-another read`,
    `the data tests run beside the marts, inside phase models; phase checks reads their results and runs the guards`,
    `each measurement runs in a Node process of its own; peak RSS is the build's (target ≤ 8 GB at 10M leads; the build's DuckDB memory_limit is ${BUILD_MEMORY_LIMIT.replace('GB', ' GB')}), the read_csv references' was ${Math.round(result.readCsvPeakRssBytes / 2 ** 20).toLocaleString('en-US')} MB`,
    ...(result.rounds.length > 1
      ? [`${result.rounds.length} rounds (read_csv, then the build): ${result.rounds.map((r) => `${(r.buildMs / 1000).toFixed(1)} ÷ ${(r.readCsvMs / 1000).toFixed(1)} s = ${r.ratio.toFixed(2)}×`).join('; ')}; the figures are the median round's`]
      : []),
    `slowest models: ${[...result.models].sort((a, b) => b.ms - a.ms).slice(0, 12).map((m) => `${m.name} ${(m.ms / 1000).toFixed(1)} s`).join(', ')}`,
    ...(keepData ? [`kept: ${etlDir}`] : []),
  ],
});
