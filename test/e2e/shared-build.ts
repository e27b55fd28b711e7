/**
 * Builds shared by every browser test of a run (and by later runs while their sources stay the
 * same): the dashboard (each test file used to run its own Vite build, ~10 a run) and the seeds
 * warehouse (each stack ran the ETL over seeds/, ~3 s each). A build is keyed by a hash of what
 * goes into it; the test files of one run, in parallel processes, agree through a lock folder
 * on who builds.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { sharedTmpdir } from '../setup/shared-tmpdir';

/** A build and what it is made from (folders and files under the root). */
export interface SharedBuild {
  /** Names its folder: `closedloop-e2e-<name>-<hash>`. */
  readonly name: string;
  readonly inputs: readonly string[];
  /** Writes the build into the folder it is given (which does not exist yet). */
  readonly build: (outDir: string) => Promise<void>;
}

const SKIP = new Set(['node_modules', 'dist']);
/** A lock older than this was left by a killed run. */
const STALE_LOCK_MS = 10 * 60_000;

export function sourceHash(root: string, inputs: readonly string[]): string {
  const hash = createHash('sha256');
  const add = (path: string): void => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) if (!SKIP.has(name)) add(join(path, name));
      return;
    }
    hash.update(relative(root, path)).update('\0').update(readFileSync(path)).update('\0');
  };
  for (const input of inputs) add(join(root, input));
  return hash.digest('hex').slice(0, 16);
}

/** The folder holding the build for the current sources; builds it if no run has. */
export async function sharedBuild(root: string, { name, inputs, build }: SharedBuild): Promise<string> {
  const prefix = `closedloop-e2e-${name}-`;
  const dir = join(sharedTmpdir(), `${prefix}${sourceHash(root, inputs)}`);
  const complete = `${dir}.complete`;
  const lock = `${dir}.lock`;
  for (;;) {
    if (existsSync(complete)) return used(dir, complete);
    try {
      mkdirSync(lock);
    } catch {
      // Another test file is building it: wait, unless its lock was left behind.
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
      if (since !== undefined && Date.now() - since > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
      await new Promise((done) => setTimeout(done, 250));
      continue;
    }
    try {
      if (existsSync(complete)) return used(dir, complete);
      const building = `${dir}.building-${process.pid}`;
      rmSync(building, { recursive: true, force: true });
      await build(building);
      rmSync(dir, { recursive: true, force: true });
      renameSync(building, dir);
      writeFileSync(complete, new Date().toISOString());
      removeOldBuilds(prefix, dir);
      return dir;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

/** Marks a build as used now, so that another checkout's clean-up (below) leaves it alone. */
function used(dir: string, complete: string): string {
  const now = new Date();
  for (const path of [dir, complete]) utimesSync(path, now, now);
  return dir;
}

/** Builds of other sources not used for a day (a day's runs keep theirs). */
function removeOldBuilds(prefix: string, keep: string): void {
  const dayAgo = Date.now() - 24 * 3600_000;
  for (const name of readdirSync(sharedTmpdir())) {
    const path = join(sharedTmpdir(), name);
    if (!name.startsWith(prefix) || path.startsWith(keep)) continue;
    if ((statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Infinity) < dayAgo) rmSync(path, { recursive: true, force: true });
  }
}
