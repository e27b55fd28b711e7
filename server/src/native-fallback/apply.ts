/**
 * Makes Cube's REST API work where `@cubejs-backend/native` (Rust) cannot load: replaces the
 * few native exports the REST path calls with JavaScript versions, and makes the features that
 * truly need the native module fail with a clear message. Cube's packages call native
 * functions through this module's exports object at call time, so patching the exports before
 * the server is constructed takes effect everywhere. Nothing is patched when the binary loads.
 */
import { createRequire } from 'node:module';
import { getFinalQueryResult, getFinalQueryResultMulti } from './final-result';

export interface NativeFallbackStatus {
  /** True when the JS fallback is in use. */
  readonly applied: boolean;
  /** Why the native module could not load (when applied). */
  readonly reason?: string;
}

type NativeExports = Record<string, unknown> & {
  loadNative: () => unknown;
  NativeInstance: { prototype: Record<string, unknown> };
};

let status: NativeFallbackStatus | undefined;

function unavailable(feature: string, reason: string): () => never {
  return () => {
    throw new Error(`${feature} needs @cubejs-backend/native, which cannot load here (${reason}). Closedloop serves the REST API only on this machine.`);
  };
}

/** Applies the fallback once, only if loading the native module throws. */
export function applyNativeFallback(): NativeFallbackStatus {
  if (status) return status;
  const require = createRequire(import.meta.url);
  const native = require('@cubejs-backend/native') as NativeExports;
  try {
    native.loadNative();
    status = { applied: false };
    return status;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // Logger bridge: Cube's Rust side would forward its logs; there is no Rust side.
    native.setupLogger = () => undefined;
    native.resetLogger = () => undefined;
    // Cube then refuses Python/Jinja models and cube.py with its own clear errors.
    native.isFallbackBuild = () => true;
    native.NativeInstance.prototype.newJinjaEngine = () => null;
    native.getFinalQueryResult = getFinalQueryResult;
    native.getFinalQueryResultMulti = getFinalQueryResultMulti;
    native.buildSqlAndParams = unavailable('The Tesseract SQL planner (set CUBEJS_TESSERACT_SQL_PLANNER=false)', reason);
    for (const name of ['registerInterface', 'shutdownInterface', 'execSql', 'sql4sql', 'rest4sql', 'redactSqlLiterals']) {
      native[name] = unavailable(`The SQL API (${name})`, reason);
    }
    for (const name of ['parseCubestoreResultMessage', 'getCubestoreResult']) {
      native[name] = unavailable(`Cube Store (${name})`, reason);
    }
    status = { applied: true, reason };
    return status;
  }
}
