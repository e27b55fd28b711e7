/**
 * Ctrl-C (SIGINT) or SIGTERM stops the server and ends the process: `close()` runs once, then
 * the process exits, so nothing left behind (a refresh timer, a DuckDB handle) holds the port.
 * A second signal, or a close that takes longer than `forceAfterMs`, exits at once.
 */
export interface StopSignalOptions {
  readonly forceAfterMs?: number;
  readonly log?: (message: string) => void;
}

export function handleStopSignals(close: () => Promise<void>, options: StopSignalOptions = {}): void {
  const log = options.log ?? ((message: string) => console.error(message));
  const forceAfterMs = options.forceAfterMs ?? 5_000;
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      log(`${signal} again: exiting now.`);
      process.exit(130);
    }
    stopping = true;
    log(`\n${signal}: stopping…`);
    const force = setTimeout(() => {
      log(`Still stopping after ${forceAfterMs / 1000} s: exiting anyway.`);
      process.exit(1);
    }, forceAfterMs);
    force.unref();
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        log(error instanceof Error ? error.message : String(error));
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
