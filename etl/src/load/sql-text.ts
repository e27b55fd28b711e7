import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * The loader's DDL (read_csv calls with their option structs, per-file tables) is not
 * expressible in Kysely's builder; these helpers quote every name and value that goes into it.
 */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Run a query and return its rows as plain objects (BIGINT as number when it fits). */
export async function queryRows<T>(connection: DuckDBConnection, text: string): Promise<T[]> {
  const reader = await connection.runAndReadAll(text);
  return reader.getRowObjectsJS().map((row) => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(row)) out[key] = typeof value === 'bigint' ? Number(value) : value;
    return out as T;
  });
}

/**
 * Run a statement while reporting DuckDB's own query progress (0..1) every 200 ms.
 * Needs `enable_progress_bar` set on the connection (`configureConnection`).
 */
export async function runWithProgress(connection: DuckDBConnection, text: string, onFraction: (fraction: number) => void): Promise<void> {
  const timer = setInterval(() => {
    const { percentage } = connection.progress;
    if (percentage >= 0) onFraction(Math.min(1, percentage / 100));
  }, 200);
  try {
    await connection.run(text);
  } finally {
    clearInterval(timer);
  }
  onFraction(1);
}
