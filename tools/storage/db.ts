/**
 * The one database interface the code uses: PGlite in process or a Postgres server over `pg`,
 * with the same SQL (positional `$1` parameters) for both.
 */
export type Row = Record<string, unknown>;

export type Queryable = {
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<{ rows: T[] }>;
  /** Runs a script of several statements (migrations), no parameters. */
  exec(sql: string): Promise<void>;
};

export type Db = Queryable & {
  /** Runs `work` in one transaction; it rolls back when `work` throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  readonly kind: 'pglite' | 'postgres';
  close(): Promise<void>;
};
