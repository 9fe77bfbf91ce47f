import { claimOutboxBatch, markOutboxDone, markOutboxFailed, type OutboxMessage } from '../outbox/outbox-claim.repository.js';
import { checkOutboxPayload, isOutboxTopic } from '../outbox/outbox-topics.js';
import { backoffDelayMs, type AnyOutboxHandler } from './outbox-handlers.js';
import type { WorkerDeps } from './worker-deps.js';

export interface DispatchResult {
  claimed: number;
  done: number;
  retried: number;
  failed: number;
}

export interface DispatchOptions {
  handlers: readonly AnyOutboxHandler[];
  /** Rows per claim (bounded batches). */
  batchSize?: number;
  /** How long a claimed row stays invisible to other dispatchers. */
  leaseMs?: number;
  /** Only these topics (default: every topic; the worker passes its handled and event-only topics). */
  topics?: readonly string[];
}

/**
 * Claims one batch of due outbox rows and runs each through its topic's handler. A claimed message
 * whose topic has no handler is marked done with a note (the worker claims only its handled topics
 * and the event-only ones, see outbox-topics.ts).
 */
export async function dispatchOutboxBatch(deps: WorkerDeps, opts: DispatchOptions): Promise<DispatchResult> {
  const byTopic = new Map<string, AnyOutboxHandler>(opts.handlers.map((h) => [h.topic, h]));
  const batch = await claimOutboxBatch(deps.db, {
    now: deps.clock.now(),
    limit: opts.batchSize ?? 100,
    leaseMs: opts.leaseMs ?? 60_000,
    topics: opts.topics,
  });
  const result: DispatchResult = { claimed: batch.length, done: 0, retried: 0, failed: 0 };
  const prepared = await prepareTopics(deps, batch, byTopic);
  const marks = new DoneMarks();
  const outcomes = await Promise.all(
    groupsOf(batch, byTopic).map((group) =>
      inLanes(group.chains, group.lanes, async (chain) => {
        const done: Outcome[] = [];
        for (const message of chain)
          done.push(await runOne(deps, byTopic.get(message.topic), message, marks, prepared.get(message.topic)));
        return done;
      }),
    ),
  );
  await marks.written();
  for (const outcome of outcomes.flat(2)) result[outcome] += 1;
  return result;
}

type Outcome = 'done' | 'retried' | 'failed';

/**
 * The "done" marks of a batch's messages. A lane goes on to its next message while its mark is being
 * written (the marks of all lanes go together, src/shared/coalesce.ts); the batch ends only when every
 * mark has committed, and fails if one did not (its messages come back when their lease runs out, and
 * handlers are idempotent). A mark never waits for the lanes: it goes as soon as the database is free.
 */
class DoneMarks {
  private readonly pending: Promise<void>[] = [];
  private error: unknown;

  add(deps: WorkerDeps, id: number, note?: string): void {
    this.pending.push(
      markOutboxDone(deps.db, id, deps.clock.now(), note ?? null).catch((e: unknown) => {
        this.error ??= e;
      }),
    );
  }

  async written(): Promise<void> {
    await Promise.all(this.pending);
    if (this.error !== undefined) throw this.error;
  }
}

/**
 * What each handler with `prepare` reads once for its messages of the batch (those whose payload is
 * right). A failed read is logged and left out: the handler then reads for each message itself.
 */
async function prepareTopics(deps: WorkerDeps, batch: readonly OutboxMessage[], byTopic: ReadonlyMap<string, AnyOutboxHandler>) {
  const prepared = new Map<string, unknown>();
  for (const [topic, handler] of byTopic) {
    if (!handler.prepare) continue;
    const payloads = batch
      .filter((m) => m.topic === topic && (!isOutboxTopic(topic) || checkOutboxPayload(topic, m.payload)))
      .map((m) => m.payload);
    if (payloads.length === 0) continue;
    try {
      prepared.set(topic, await handler.prepare(deps, payloads as never));
    } catch (e) {
      deps.log(
        `outbox ${topic}: reading ahead for ${payloads.length} messages failed: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  }
  return prepared;
}

/**
 * The batch as groups that run side by side: the messages of every topic without concurrency in one
 * chain, one after another in claim order; the messages of a topic whose handler allows several at
 * once in chains by its serial key (a chain in claim order), `concurrency` chains at a time. Order
 * between topics was never promised (several workers take batches side by side).
 */
function groupsOf(batch: readonly OutboxMessage[], byTopic: ReadonlyMap<string, AnyOutboxHandler>) {
  const sequential: OutboxMessage[] = [];
  const parallel = new Map<string, { lanes: number; chains: Map<string, OutboxMessage[]> }>();
  for (const message of batch) {
    const handler = byTopic.get(message.topic);
    const lanes = Math.max(1, handler?.concurrency ?? 1);
    if (lanes === 1) {
      sequential.push(message);
      continue;
    }
    let group = parallel.get(message.topic);
    if (!group) parallel.set(message.topic, (group = { lanes, chains: new Map() }));
    const key = serialKeyOf(handler, message);
    group.chains.set(key, [...(group.chains.get(key) ?? []), message]);
  }
  return [
    { lanes: 1, chains: sequential.length > 0 ? [sequential] : [] },
    ...[...parallel.values()].map((g) => ({ lanes: g.lanes, chains: [...g.chains.values()] })),
  ];
}

/** The handler's serial key of a message; its own id when there is none (or the payload is not what it reads). */
function serialKeyOf(handler: AnyOutboxHandler | undefined, message: OutboxMessage): string {
  try {
    return handler?.serialKey?.(message.payload as never) ?? String(message.id);
  } catch {
    return String(message.id);
  }
}

/** Runs `work` over the items, at most `lanes` at a time; answers the results in the items' order. */
async function inLanes<T, R>(items: readonly T[], lanes: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(lanes, items.length) }, lane));
  return results;
}

async function runOne(
  deps: WorkerDeps,
  handler: AnyOutboxHandler | undefined,
  message: OutboxMessage,
  marks: DoneMarks,
  prepared?: unknown,
): Promise<Outcome> {
  if (!handler) {
    marks.add(deps, message.id, 'no handler for this topic');
    return 'done';
  }
  if (isOutboxTopic(message.topic) && !checkOutboxPayload(message.topic, message.payload)) {
    // Retrying cannot make a wrong payload right: give it up at once, with the reason.
    const at = deps.clock.now();
    await markOutboxFailed(deps.db, message.id, { at, error: 'payload does not match the topic schema', retryAt: null });
    deps.log(`outbox ${message.topic}#${message.id}: payload does not match the topic schema (given up)`);
    return 'failed';
  }
  try {
    // The topic's payload was checked above; the handler list pairs each topic with its handler.
    await handler.run(deps, message.payload as never, message, prepared);
    marks.add(deps, message.id);
    return 'done';
  } catch (e) {
    const at = deps.clock.now();
    const error = e instanceof Error ? e.message : String(e);
    const giveUp = message.attempts >= (handler.maxAttempts ?? 10);
    const retryAt = giveUp ? null : new Date(at.getTime() + backoffDelayMs(message.attempts, handler));
    await markOutboxFailed(deps.db, message.id, { at, error, retryAt });
    deps.log(`outbox ${message.topic}#${message.id} attempt ${message.attempts} failed: ${error}${giveUp ? ' (given up)' : ''}`);
    return giveUp ? 'failed' : 'retried';
  }
}

/**
 * Claims batches until nothing is due or `maxBatches` ran (keeps one tick bounded). Messages that
 * handlers enqueue (fan-out, notify → webhook) are due at once and run in the same drain.
 */
export async function drainOutbox(deps: WorkerDeps, opts: DispatchOptions & { maxBatches?: number }): Promise<DispatchResult> {
  const total: DispatchResult = { claimed: 0, done: 0, retried: 0, failed: 0 };
  for (let i = 0; i < (opts.maxBatches ?? 20); i++) {
    const r = await dispatchOutboxBatch(deps, opts);
    total.claimed += r.claimed;
    total.done += r.done;
    total.retried += r.retried;
    total.failed += r.failed;
    if (r.claimed === 0) break;
  }
  return total;
}
