import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve, win32 } from 'node:path';
import { root } from './paths';
import { readSchemaVersion } from '../../etl/src/schema-version';

/** Newest modification time (ms) of any file under the given paths; 0 when none exist. */
export async function newestMtime(paths: readonly string[], ignore: readonly string[] = ['node_modules', 'dist']): Promise<number> {
  let newest = 0;
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) continue;
    if (!info.isDirectory()) {
      newest = Math.max(newest, info.mtimeMs);
      continue;
    }
    for (const entry of await readdir(path, { withFileTypes: true })) {
      if (ignore.includes(entry.name)) continue;
      newest = Math.max(newest, await newestMtime([join(path, entry.name)], ignore));
    }
  }
  return newest;
}

/** True when `target` is missing or older than anything under `sources`. */
export async function isStale(target: string, sources: readonly string[]): Promise<boolean> {
  const info = await stat(target).catch(() => undefined);
  if (!info) return true;
  return info.mtimeMs < (await newestMtime(sources));
}

export interface WarehouseStamp {
  /** `build_info.schema_version` (see etl/src/schema-version.ts). */
  readonly schemaVersion: number;
  /** The input files it was built from (`build_info.inputs`). */
  readonly inputs: readonly string[];
}

/**
 * What a warehouse file says about its build, or null when it is not a Closedloop warehouse
 * at all. Opened read-only and closed at once.
 */
export async function warehouseStamp(path: string): Promise<WarehouseStamp | null> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  try {
    const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
    try {
      const connection = await instance.connect();
      try {
        const schemaVersion = await readSchemaVersion(connection);
        if (schemaVersion === null) return null;
        const reader = await connection.runAndReadAll('SELECT any_value(inputs) FROM build_info');
        const inputs: unknown = JSON.parse(String(reader.getRows()[0]?.[0] ?? '[]'));
        return { schemaVersion, inputs: Array.isArray(inputs) ? inputs.map(String) : [] };
      } finally {
        connection.closeSync();
      }
    } finally {
      instance.closeSync();
    }
  } catch {
    return null;
  }
}

/**
 * True when every input of the build was one of the bundled sample exports (seeds/…). Paths are
 * resolved first: a build given relative paths (`--input seeds/hubspot`, recorded as
 * `seeds/hubspot/…`) ran from the project root (npm runs scripts there), and is the samples too.
 */
export function builtFromSamples(stamp: WarehouseStamp, projectRoot: string = root): boolean {
  return (
    stamp.inputs.length > 0 &&
    stamp.inputs.every((file) => {
      const absolute = isAbsolute(file) || win32.isAbsolute(file) ? file : resolve(projectRoot, file);
      return /[\\/]seeds[\\/](salesforce-marketo|hubspot)[\\/][^\\/]+$/.test(absolute);
    })
  );
}
