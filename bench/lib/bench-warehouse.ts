import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { isStale } from '../../scripts/lib/freshness';
import { defaultAgreement, root } from '../../scripts/lib/paths';
import { generatedExports } from './generated-data';

/**
 * The DuckDB warehouse of `leads` generated people under the bench work dir (the same file the
 * cube case uses), rebuilt only when the exports, the agreement or the ETL changed. Built in a
 * child process, so that the calling case's peak RSS is its own.
 */
export async function benchWarehouse(workDir: string, leads: number, log: (line: string) => void): Promise<string> {
  const exportsDir = await generatedExports(workDir, leads, log);
  const warehouse = join(workDir, `cube-warehouse-${leads}.duckdb`);
  if (await isStale(warehouse, [exportsDir, defaultAgreement, join(root, 'etl', 'src')])) {
    log(`Building ${warehouse}…`);
    const built = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'etl', 'cli.ts'), '--input', exportsDir, '--warehouse', warehouse, '--agreement', defaultAgreement], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (built.status !== 0) throw new Error(`building ${warehouse} failed (exit ${built.status}):\n${built.stderr.slice(-4000)}`);
  }
  return warehouse;
}
