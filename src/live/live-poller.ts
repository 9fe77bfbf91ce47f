import type { Executor } from '../db/database.js';
import type { CallChange, OrderChange } from './live-visibility.js';
import {
  latestCallRevision,
  latestOrderEventId,
  listAssignedUnitPaths,
  listCallChangesAfter,
  listOrderEventsAfter,
} from './live.repository.js';

export type ChangeListener = (changes: readonly OrderChange[]) => void;
/** Calls offered to, answered or ended by an operator (the screen-pop, ADR 0140). */
export type CallListener = (calls: readonly CallChange[]) => void;

/**
 * Reading position in one sequence-numbered feed (order event ids, call revisions). Numbers come from
 * a sequence, so a transaction that took a lower number can commit after a higher one was already
 * read; re-reading a window behind the highest and skipping numbers already sent catches those late
 * commits without sending anything twice.
 */
function sequenceCursor<T>(
  latest: () => Promise<number>,
  after: (n: number, limit: number) => Promise<T[]>,
  seq: (row: T) => number,
  opts: { batchSize: number; lookback: number },
) {
  const sent = new Set<number>();
  let highest: number | null = null;
  // Rows that existed before the first subscriber are history, not news.
  let floor = 0;
  return {
    /** New rows since the last `advance` (none on the first call, which sets the starting point). */
    async read(): Promise<T[]> {
      if (highest === null) {
        highest = await latest();
        floor = highest;
        return [];
      }
      return (await after(Math.max(0, highest - opts.lookback), opts.batchSize)).filter(
        (r) => seq(r) > floor && !sent.has(seq(r)),
      );
    },
    /** Marks rows as delivered (after the listeners had them: a failed step reads them again). */
    advance(rows: readonly T[]) {
      if (rows.length === 0 || highest === null) return;
      for (const r of rows) sent.add(seq(r));
      highest = Math.max(highest, ...rows.map(seq));
      for (const n of sent) if (n <= highest - opts.lookback) sent.delete(n);
    },
    reset() {
      highest = null;
      sent.clear();
    },
  };
}

export interface LivePollerOptions {
  intervalMs: number;
  /** Rows read per poll; a burst larger than this is delivered over the following polls. */
  batchSize?: number;
  /**
   * How far behind the highest seen id to look again. Ids come from a sequence, so a transaction
   * that took a lower id can commit after a higher one was already read; re-reading a window and
   * skipping ids already sent catches those late commits without sending anything twice.
   */
  lookback?: number;
  onError?: (error: unknown) => void;
}

export interface LivePoller {
  subscribe(listener: ChangeListener, onCalls?: CallListener): () => void;
  /** One poll now (the timer calls it; tests call it directly). */
  poll(): Promise<void>;
  stop(): void;
  readonly listenerCount: number;
}

/**
 * One poller per process: it reads new `order_events` rows (and new call revisions, for the
 * screen-pop) from the database every interval and fans them out to every subscribed connection. Learning from the database, not from in-process events,
 * makes it work when several stateless app processes run behind a load balancer. The timer runs only
 * while someone is subscribed.
 */
export function createLivePoller(db: Executor, options: LivePollerOptions): LivePoller {
  const opts = { batchSize: options.batchSize ?? 500, lookback: options.lookback ?? 200 };
  const listeners = new Set<ChangeListener>();
  const callListeners = new Set<CallListener>();
  const events = sequenceCursor(
    () => latestOrderEventId(db),
    (n, limit) => listOrderEventsAfter(db, n, limit),
    (r) => r.id,
    opts,
  );
  const calls = sequenceCursor(
    () => latestCallRevision(db),
    (n, limit) => listCallChangesAfter(db, n, limit),
    (r) => r.revision,
    opts,
  );
  let timer: ReturnType<typeof setInterval> | null = null;
  let running: Promise<void> | null = null;

  async function pollOnce() {
    const rows = await events.read();
    if (rows.length > 0) {
      const paths = await listAssignedUnitPaths(db, [...new Set(rows.map((r) => r.orderId))]);
      const changes = rows.map((r) => ({ ...r, unitPaths: paths.get(r.orderId) ?? [] }));
      events.advance(rows);
      for (const listener of listeners) listener(changes);
    }
    const callRows = await calls.read();
    calls.advance(callRows);
    if (callRows.length > 0) for (const listener of callListeners) listener(callRows);
  }

  const poll = () => {
    // Never two polls at once: a slow database must not pile up queries.
    running ??= pollOnce()
      .catch((e) => options.onError?.(e))
      .finally(() => {
        running = null;
      });
    return running;
  };

  function stop() {
    if (timer) clearInterval(timer);
    timer = null;
  }

  return {
    subscribe(listener, onCalls) {
      listeners.add(listener);
      if (onCalls) callListeners.add(onCalls);
      if (!timer) {
        void poll();
        timer = setInterval(() => void poll(), options.intervalMs);
        timer.unref?.();
      }
      return () => {
        listeners.delete(listener);
        if (onCalls) callListeners.delete(onCalls);
        if (listeners.size === 0) {
          stop();
          events.reset();
          calls.reset();
        }
      };
    },
    poll,
    stop,
    get listenerCount() {
      return listeners.size;
    },
  };
}
