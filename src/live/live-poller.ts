import type { Executor } from '../db/database.js';
import type { OrderChange } from './live-visibility.js';
import { latestOrderEventId, listAssignedUnitPaths, listOrderEventsAfter } from './live.repository.js';

export type ChangeListener = (changes: readonly OrderChange[]) => void;

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
  subscribe(listener: ChangeListener): () => void;
  /** One poll now (the timer calls it; tests call it directly). */
  poll(): Promise<void>;
  stop(): void;
  readonly listenerCount: number;
}

/**
 * One poller per process: it reads new `order_events` rows from the database every interval and fans
 * them out to every subscribed connection. Learning from the database, not from in-process events,
 * makes it work when several stateless app processes run behind a load balancer. The timer runs only
 * while someone is subscribed.
 */
export function createLivePoller(db: Executor, options: LivePollerOptions): LivePoller {
  const batchSize = options.batchSize ?? 500;
  const lookback = options.lookback ?? 200;
  const listeners = new Set<ChangeListener>();
  const sent = new Set<number>();
  let highest: number | null = null;
  // Events that existed before the first subscriber are history, not news.
  let floor = 0;
  let timer: ReturnType<typeof setInterval> | null = null;
  let running: Promise<void> | null = null;

  async function pollOnce() {
    if (highest === null) {
      highest = await latestOrderEventId(db);
      floor = highest;
      return;
    }
    const rows = (await listOrderEventsAfter(db, Math.max(0, highest - lookback), batchSize)).filter(
      (r) => r.id > floor && !sent.has(r.id),
    );
    if (rows.length === 0) return;
    const paths = await listAssignedUnitPaths(db, [...new Set(rows.map((r) => r.orderId))]);
    const changes = rows.map((r) => ({ ...r, unitPaths: paths.get(r.orderId) ?? [] }));
    for (const r of rows) sent.add(r.id);
    highest = Math.max(highest, ...rows.map((r) => r.id));
    for (const id of sent) if (id <= highest - lookback) sent.delete(id);
    for (const listener of listeners) listener(changes);
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
    subscribe(listener) {
      listeners.add(listener);
      if (!timer) {
        void poll();
        timer = setInterval(() => void poll(), options.intervalMs);
        timer.unref?.();
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          stop();
          highest = null;
          sent.clear();
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
