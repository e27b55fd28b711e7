import { tmpdir } from 'node:os';

/** The variable holding the machine's temp folder while a test file runs under its own temp root. */
export const SHARED_TMPDIR = 'CLOSEDLOOP_SHARED_TMPDIR';

/** The machine's temp folder, for what must outlive one test file. */
export function sharedTmpdir(): string {
  return process.env[SHARED_TMPDIR] ?? tmpdir();
}
