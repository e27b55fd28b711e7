/**
 * Which build of the warehouse Cube serves, and switching to a new one without a restart.
 *
 * The ETL writes a new DuckDB file and atomically renames it over the warehouse path. On each
 * request we stat the path (cheap); when its identity (device, inode, size, mtime) changes,
 * a driver for the new build is opened and checked in the background while requests keep
 * being answered from the current build. Once it is open it becomes current: requests get a
 * new orchestrator id (`warehouse_<generation>`), so Cube's query cache, refresh keys and
 * pre-aggregations start fresh for the new data. The previous build's driver is closed after
 * a grace period, once its in-flight queries are done.
 */
import { statSync } from 'node:fs';
import { WarehouseNotFoundError } from '../errors';
import { WarehouseDriver } from './warehouse-driver';

export interface WarehouseSource {
  readonly warehousePath: string;
  /** The build requests are answered from, switching first if a new build has been opened. */
  current(): WarehouseDriver;
  /** The driver of a given generation, or the current one. */
  driverFor(generation: number | undefined): WarehouseDriver;
  /** Resolves once a pending switch (if any) has settled; for tests and tools. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export interface WarehouseSourceOptions {
  /** How long a replaced build stays open for requests that already picked it (ms). */
  readonly retireAfterMs?: number;
  /** Called when a new build could not be opened (the current build keeps serving). */
  readonly onSwitchError?: (error: Error) => void;
  readonly onSwitch?: (generation: number) => void;
}

function fileIdentity(path: string): string | undefined {
  try {
    const s = statSync(path);
    return `${s.dev}:${s.ino}:${s.size}:${s.mtimeMs}`;
  } catch {
    return undefined;
  }
}

/** Opens the warehouse's current build; throws a clear error if it is missing, locked or not a warehouse. */
export async function openWarehouseSource(warehousePath: string, options: WarehouseSourceOptions = {}): Promise<WarehouseSource> {
  const retireAfterMs = options.retireAfterMs ?? 30_000;
  const initialIdentity = fileIdentity(warehousePath);
  if (!initialIdentity) throw new WarehouseNotFoundError(warehousePath);

  let generation = 1;
  let current = new WarehouseDriver(warehousePath, generation);
  await current.open();
  let currentIdentity = initialIdentity;
  const drivers = new Map<number, WarehouseDriver>([[generation, current]]);
  let pending: Promise<void> | undefined;
  let failedIdentity: string | undefined;
  const timers = new Set<NodeJS.Timeout>();

  const retire = (driver: WarehouseDriver): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      drivers.delete(driver.generation);
      void driver.release();
    }, retireAfterMs);
    timer.unref();
    timers.add(timer);
  };

  const switchTo = (identity: string): Promise<void> => {
    const next = new WarehouseDriver(warehousePath, generation + 1);
    return next.open().then(
      () => {
        generation = next.generation;
        drivers.set(generation, next);
        const previous = current;
        current = next;
        currentIdentity = identity;
        failedIdentity = undefined;
        retire(previous);
        options.onSwitch?.(generation);
      },
      (error: unknown) => {
        failedIdentity = identity;
        void next.release();
        options.onSwitchError?.(error instanceof Error ? error : new Error(String(error)));
      },
    ).finally(() => {
      pending = undefined;
    });
  };

  const check = (): void => {
    if (pending) return;
    const identity = fileIdentity(warehousePath);
    if (identity && identity !== currentIdentity && identity !== failedIdentity) pending = switchTo(identity);
  };

  return {
    warehousePath,
    current() {
      check();
      return current;
    },
    driverFor(gen) {
      return (gen !== undefined ? drivers.get(gen) : undefined) ?? current;
    },
    async settled() {
      check();
      await pending;
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await pending;
      await Promise.all([...drivers.values()].map((d) => d.release()));
      drivers.clear();
    },
  };
}
