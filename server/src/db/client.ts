/**
 * The one database interface the server uses. Two drivers stand behind it: embedded PGlite (one
 * connection, data in a directory) and node-postgres (a pool against a real PostgreSQL server). Both
 * speak the same SQL, and both return DATE as 'YYYY-MM-DD' strings and INT8 as numbers.
 */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'pg';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  /** LISTEN on a channel; the returned function stops listening. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export const DATE_OID = 1082;
export const INT8_OID = 20;
export const parseInt8 = (v: string) => Number(v);
