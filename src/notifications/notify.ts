import type { Executor } from '../db/database.js';
import { enqueueOutbox } from '../outbox/outbox.repository.js';
import type { Role } from '../users/roles.js';

/** Who gets an in-app notice: the users of a unit (its unit roles) and/or centre users by role. */
export interface NotifyAudience {
  unitId?: string | null;
  centreRoles?: readonly Role[];
}

export interface NotifyMessage {
  kind: string;
  centreId: string;
  orderId: string | null;
  /** Message key in src/i18n/messages.ts and its variables (rendered at delivery). */
  textKey: string;
  vars: Record<string, string | number>;
  audience: NotifyAudience;
  /** Identifies this notification; a repeat with the same key is dropped (idempotent). */
  sourceKey: string;
  data?: Record<string, unknown>;
}

/** Queues a notification in the caller's transaction; the worker turns it into notices and webhooks. */
export async function notify(tx: Executor, msg: NotifyMessage, at: Date): Promise<void> {
  await enqueueOutbox(tx, {
    topic: 'notify',
    payload: msg as unknown as Record<string, unknown>,
    at,
    dedupeKey: `notify:${msg.sourceKey}`,
  });
}
