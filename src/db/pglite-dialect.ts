import type { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

/**
 * Kysely dialect for the embedded PGlite database. PGlite has one connection, so the driver hands it
 * out to one holder at a time: a transaction keeps it until commit or rollback, and concurrent
 * callers queue. This gives the same isolation as PostgreSQL for our conditional updates.
 */
export class PGliteDialect implements Dialect {
  /** `parsers`: text parsers by type oid, applied to every query's results. */
  constructor(
    private readonly pglite: PGlite,
    private readonly parsers: Readonly<Record<number, (value: string) => unknown>> = {},
  ) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.pglite, this.parsers);
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}

class PGliteDriver implements Driver {
  private queue: Promise<void> = Promise.resolve();
  private readonly connection: PGliteConnection;

  constructor(
    private readonly pglite: PGlite,
    parsers: Readonly<Record<number, (value: string) => unknown>>,
  ) {
    this.connection = new PGliteConnection(pglite, parsers);
  }

  async init(): Promise<void> {
    await this.pglite.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    // PGlite runs in this thread and its promises settle as microtasks: a loop of queries (the demo
    // history, a worker job) would never hand the event loop back, and HTTP requests would starve.
    // One turn of the event loop per acquisition lets waiting I/O in first.
    await yieldToEventLoop();
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const previous = this.queue;
    this.queue = previous.then(() => next);
    await previous;
    this.connection.release = release;
    return this.connection;
  }

  async beginTransaction(conn: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const level = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    await conn.executeQuery(CompiledQuery.raw(`begin${level}`));
  }
  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('commit'));
  }
  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('rollback'));
  }
  async releaseConnection(): Promise<void> {
    this.connection.release();
  }
  async destroy(): Promise<void> {
    if (!this.pglite.closed) await this.pglite.close();
  }
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

class PGliteConnection implements DatabaseConnection {
  release: () => void = () => {};
  constructor(
    private readonly pglite: PGlite,
    private readonly parsers: Readonly<Record<number, (value: string) => unknown>>,
  ) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    // Per query: PGlite ignores the constructor's `parsers` (see PGLITE_PARSERS in database.ts).
    const result = await this.pglite.query<R>(compiled.sql, compiled.parameters as unknown[], { parsers: this.parsers });
    const affected = result.affectedRows;
    return {
      rows: result.rows,
      ...(affected !== undefined && /^\s*(insert|update|delete|merge)/i.test(compiled.sql)
        ? { numAffectedRows: BigInt(affected) }
        : {}),
    };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported on the embedded database');
  }
}
