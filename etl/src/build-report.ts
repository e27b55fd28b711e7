import type { DataTestResult } from './data-tests/index';
import type { FileReport } from './load/load-raw';

/** What a finished build reports: per input file, what the marts hold, the data tests, timing. */
export interface BuildReport {
  readonly warehousePath: string;
  readonly files: readonly FileReport[];
  /** Per loaded file, from the `file_reconciliation` mart: read = loaded + quarantined + collapsed (a data test). */
  readonly reconciliation: readonly FileReconciliation[];
  /** Guards' warnings (quarantine over `warn_if`, previous warehouse not compared). */
  readonly warnings: readonly string[];
  /** Counted from the marts after the build. */
  readonly counts: {
    readonly leads: number;
    readonly mqls: number;
    readonly sals: number;
    readonly sqls: number;
    readonly won: number;
    readonly lost: number;
    readonly rejected: number;
    readonly opportunities: number;
    /** Input records quarantined (left out): rows of `main.rejected_rows` from reader and staging rejects. */
    readonly quarantined: number;
    /** Records kept with a value refused (set to NULL, e.g. a negative amount; one or more per record): the other rows of `main.rejected_rows`. */
    readonly valuesRefused: number;
    /** Of those, records the CSV reader could not parse (`raw._load_rejects`). */
    readonly unparsable: number;
  };
  readonly dataTests: readonly DataTestResult[];
  readonly elapsedMs: number;
  /** Milliseconds per phase, in order. */
  readonly phases: readonly { readonly phase: string; readonly ms: number }[];
}

export interface FileReconciliation {
  readonly file: string;
  readonly read: number;
  /** Records in the file's staging model. */
  readonly loaded: number;
  /** Records left out, by any layer (reader rejects and staging rejects in rejected_rows). */
  readonly quarantined: number;
  /** Records identical to one of an earlier file, kept once. */
  readonly collapsed: number;
  /** Records kept with a refused value (e.g. a negative amount set to NULL). */
  readonly refused: number;
}
