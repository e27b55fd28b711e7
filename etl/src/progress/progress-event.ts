import type { DataTestResult } from '../data-tests/index';
import type { FileReport, LoadEvent } from '../load/load-raw';

/** `models` runs the data tests too (beside the marts); `checks` reads their results and runs the guards. */
export type BuildPhase = 'discover' | 'load' | 'models' | 'checks' | 'publish';

/** Everything a build reports while it runs; renderers turn these into bars or lines. */
export type ProgressEvent =
  | LoadEvent
  | { readonly type: 'phase'; readonly phase: BuildPhase; readonly detail: string }
  /** `ms`: the model's own time, start to end (the marts after build_info run two at a time). */
  | { readonly type: 'model-done'; readonly name: string; readonly layer: string; readonly ms?: number; readonly slices?: number }
  | { readonly type: 'data-test-done'; readonly result: DataTestResult };

export type ProgressListener = (event: ProgressEvent) => void;

export type { FileReport };
