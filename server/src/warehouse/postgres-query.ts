import { PostgresQuery } from '@cubejs-backend/schema-compiler';

/**
 * Cube's Postgres dialect, ordering like DuckDB: Postgres puts NULLs first on DESC (so a
 * top-N by a rate would start with the rows that have no rate); DuckDB puts them last either
 * way. ASC already sorts NULLs last on both.
 */
export class WarehousePostgresQuery extends PostgresQuery {
  override orderHashToString(hash: { id: string; desc: boolean }): string | null {
    const order = super.orderHashToString(hash);
    return order && hash.desc ? `${order} NULLS LAST` : order;
  }
}
