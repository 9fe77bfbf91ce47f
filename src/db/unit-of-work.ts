import { AsyncLocalStorage } from 'node:async_hooks';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

/**
 * A unit of work (ADR 0199): one transaction that every query of a piece of work joins, whichever
 * Kysely handle it goes through — `deps.db`, a repository's executor, a service's own
 * `db.transaction()` (which becomes a savepoint inside the unit). It lets an administrative act and
 * its audit row commit together without threading a transaction through every service.
 *
 * The work is marked with AsyncLocalStorage; the driver below hands the unit's connection to every
 * query made inside it. Once the unit has ended, work it started and left running (a cache warm-up)
 * gets an ordinary connection again.
 */
interface Unit {
  /** The unit's own connection, taken by its outer transaction. */
  connection?: DatabaseConnection;
  open: boolean;
  savepoints: number;
  /** Nested transactions inside the unit take turns (one connection, like the embedded database). */
  turn: Promise<void>;
  /** Work to start once the unit has committed (afterUnitOfWork). */
  afterCommit: (() => void)[];
}

const units = new AsyncLocalStorage<Unit>();

const openUnit = (): Unit | undefined => {
  const unit = units.getStore();
  return unit?.open ? unit : undefined;
};

/** Run `work` as one transaction on `db`: everything it writes through any handle commits or rolls back together. */
export async function runUnitOfWork<T, DB>(db: Kysely<DB>, work: () => Promise<T>): Promise<T> {
  if (openUnit()) return work(); // already inside one: join it
  const unit: Unit = { open: true, savepoints: 0, turn: Promise.resolve(), afterCommit: [] };
  const result = await units.run(unit, () => db.transaction().execute(() => work()));
  units.exit(() => unit.afterCommit.forEach((start) => start()));
  return result;
}

/**
 * Whether a statement on `db` may be grouped with other callers' statements (src/shared/coalesce.ts):
 * not inside a transaction or a unit of work, whose statements must stay its own.
 */
export function mayGroupStatements(db: { readonly isTransaction: boolean }): boolean {
  return !db.isTransaction && openUnit() === undefined;
}

/**
 * Start `work` once the caller's unit of work has committed, outside it (a cache warm-up must not read
 * rows that may yet roll back); at once when the caller is in none. Dropped if the unit rolls back.
 */
export function afterUnitOfWork(work: () => void): void {
  const unit = openUnit();
  if (unit) unit.afterCommit.push(work);
  else work();
}

/** The unit's connection as lent to one query or one nested transaction (a savepoint). */
class JoinedConnection implements DatabaseConnection {
  savepoint?: string;
  private leave: () => void = () => {};

  constructor(private readonly unit: Unit) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return this.unit.connection!.executeQuery<R>(query);
  }
  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.unit.connection!.streamQuery<R>(query, chunkSize);
  }

  async begin(): Promise<void> {
    const previous = this.unit.turn;
    this.unit.turn = new Promise<void>((resolve) => (this.leave = resolve));
    await previous;
    this.savepoint = `unit_of_work_${++this.unit.savepoints}`;
    await this.executeQuery(CompiledQuery.raw(`savepoint ${this.savepoint}`));
  }
  async end(outcome: 'release' | 'rollback'): Promise<void> {
    try {
      if (outcome === 'rollback') await this.executeQuery(CompiledQuery.raw(`rollback to savepoint ${this.savepoint}`));
      await this.executeQuery(CompiledQuery.raw(`release savepoint ${this.savepoint}`));
    } finally {
      this.leave();
    }
  }
}

class UnitOfWorkDriver implements Driver {
  constructor(private readonly inner: Driver) {
    if (inner.savepoint) this.savepoint = inner.savepoint.bind(inner);
    if (inner.rollbackToSavepoint) this.rollbackToSavepoint = inner.rollbackToSavepoint.bind(inner);
    if (inner.releaseSavepoint) this.releaseSavepoint = inner.releaseSavepoint.bind(inner);
  }
  savepoint?: Driver['savepoint'];
  rollbackToSavepoint?: Driver['rollbackToSavepoint'];
  releaseSavepoint?: Driver['releaseSavepoint'];

  init(): Promise<void> {
    return this.inner.init();
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    const unit = openUnit();
    if (!unit) return this.inner.acquireConnection();
    if (unit.connection) return new JoinedConnection(unit);
    unit.connection = await this.inner.acquireConnection(); // the unit's outer transaction
    return unit.connection;
  }
  beginTransaction(conn: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return conn instanceof JoinedConnection ? conn.begin() : this.inner.beginTransaction(conn, settings);
  }
  commitTransaction(conn: DatabaseConnection): Promise<void> {
    return conn instanceof JoinedConnection ? conn.end('release') : this.inner.commitTransaction(conn);
  }
  rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    return conn instanceof JoinedConnection ? conn.end('rollback') : this.inner.rollbackTransaction(conn);
  }
  async releaseConnection(conn: DatabaseConnection): Promise<void> {
    if (conn instanceof JoinedConnection) return;
    const unit = units.getStore();
    if (unit?.connection === conn) unit.open = false;
    await this.inner.releaseConnection(conn);
  }
  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

/** The dialect with units of work: the same database, its driver wrapped. */
export function withUnitsOfWork(dialect: Dialect): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createDriver: () => new UnitOfWorkDriver(dialect.createDriver()),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createQueryCompiler: () => dialect.createQueryCompiler(),
  };
}
