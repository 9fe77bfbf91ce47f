import type { OutboxMessage } from '../outbox/outbox-claim.repository.js';
import type { OutboxPayload, OutboxTopic } from '../outbox/outbox-topics.js';
import type { WorkerDeps } from './worker-deps.js';

/**
 * One handler per outbox topic. A handler may run more than once for one message (a crash between
 * its work and the "done" mark, or a lease that ran out), so it must be idempotent: conditional
 * updates, dedupe keys, or a receiver that tolerates repeats (webhooks carry the message id).
 * Throwing retries the message later with exponential backoff.
 */
export interface OutboxHandler<T extends OutboxTopic = OutboxTopic, P = unknown> {
  readonly topic: T;
  /**
   * The payload has been checked against the topic's schema (src/outbox/outbox-topics.ts). `prepared`
   * is what `prepare` read for the batch (undefined without prepare, or when it failed: read alone).
   */
  run(deps: WorkerDeps, payload: OutboxPayload<T>, message: OutboxMessage, prepared?: P): Promise<void>;
  /**
   * Reads once, for all of this topic's messages in a claimed batch, what each would read for itself
   * (one statement instead of one per message). The messages are leased to this dispatcher while the
   * batch runs, so what is read for them stays theirs unless `run` itself changes it.
   */
  prepare?(deps: WorkerDeps, payloads: readonly OutboxPayload<T>[]): Promise<P>;
  /** Attempts before the message is given up (failed_at set). Default 10. */
  readonly maxAttempts?: number;
  /** First retry delay; doubles per attempt up to maxDelayMs. Defaults 5 s and 1 h. */
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  /**
   * How many messages of this topic, claimed in one batch, may run at once. Default 1 (one after
   * another). More only for work that waits on the network and touches nothing the others touch (a
   * notice sent to a provider), so the wait of one send overlaps the next.
   */
  readonly concurrency?: number;
  /** With concurrency: messages of one key run one after another, in claim order (one order's notices). */
  serialKey?(payload: OutboxPayload<T>): string;
}

/** A handler of any one topic (the dispatcher's list). */
export type AnyOutboxHandler = { [T in OutboxTopic]: OutboxHandler<T> }[OutboxTopic];

/** Delay before attempt `attempts + 1`: base · 2^(attempts−1), capped. */
export function backoffDelayMs(attempts: number, handler: Pick<AnyOutboxHandler, 'baseDelayMs' | 'maxDelayMs'> = {}): number {
  const base = handler.baseDelayMs ?? 5_000;
  const max = handler.maxDelayMs ?? 3_600_000;
  return Math.min(max, base * 2 ** Math.max(0, attempts - 1));
}
