/**
 * Every test file gets its own temp root, removed when the file ends: the helpers that make
 * temp folders (and the servers, builds and browsers they start, which inherit TMPDIR) write
 * under it, so no run leaves folders behind in /tmp — a run used to leave ~80 of them.
 * Folders meant to outlive a file (the dashboard build shared by the browser tests) use
 * `sharedTmpdir()` instead.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { SHARED_TMPDIR } from './shared-tmpdir';

process.env[SHARED_TMPDIR] ??= tmpdir();
const shared = process.env[SHARED_TMPDIR];
const root = mkdtempSync(join(shared, 'closedloop-test-'));
// Others may pass through (not list): the throwaway Postgres runs as its own user in a folder below.
chmodSync(root, 0o711);
process.env.TMPDIR = root;

// Registered before the file's own hooks, so it runs after them (vitest runs after-hooks as a stack).
afterAll(() => {
  process.env.TMPDIR = shared;
  rmSync(root, { recursive: true, force: true });
});
