/**
 * ETL case: build the warehouse from generated exports (1,000,000 leads at scale 1, about
 * ten Marketo activities each) and compare with DuckDB's own read_csv of the same files.
 */
import { join } from 'node:path';
import { benchEtl } from '../../etl/src/bench';
import { caseArgs, leadsAt } from '../lib/case-args';
import { generatedExports } from '../lib/generated-data';
import { emit, ratio } from '../lib/result';

const { scale, workDir } = caseArgs();
const leads = leadsAt(scale);
const log = (line: string) => console.log(line);
const exportsDir = await generatedExports(workDir, leads, log);
const result = await benchEtl(exportsDir, { workDir: join(workDir, `etl-${leads}`), log });

emit({
  name: 'etl build',
  scale: `${leads.toLocaleString('en-US')} leads, ${result.rows.toLocaleString('en-US')} rows, ${(result.bytes / 1e6).toFixed(0)} MB`,
  figures: [
    { name: 'build time', value: result.buildMs / 1000, unit: 's' },
    { name: 'DuckDB read_csv time', value: result.readCsvMs / 1000, unit: 's' },
    { name: 'DuckDB read_csv time, two files at a time', value: result.readCsvParallelMs / 1000, unit: 's' },
    { name: 'rows/s', value: result.rowsPerSecond, unit: 'rows/s' },
    ...result.phases.map(({ phase, ms }) => ({ name: `phase ${phase}`, value: ms / 1000, unit: "s" })),
  ],
  ratios: [
    ratio('build ÷ read_csv', result.ratio, 'DuckDB read_csv of the same files into tables, one after another', { max: 2 }),
    ratio('build ÷ read_csv, two at a time', result.buildMs / result.readCsvParallelMs, 'the same, two files at a time (as the build loads them)'),
  ],
  notes: [
    `the build loads two files at a time on two connections; the target ratio is against the plain one-file-after-another read`,
    `peak RSS covers the build and the read_csv references in one process (target ≤ 4096 MB)`,
  ],
});
