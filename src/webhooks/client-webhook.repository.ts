import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import type { ClientWebhook, ClientWebhookDelivery } from './client-webhook.table.js';

export async function insertWebhook(
  db: Executor,
  row: { clientId: string; url: string; secret: string; events: string[]; description: string; at: Date },
): Promise<ClientWebhook> {
  return db
    .insertInto('client_webhooks')
    .values({
      client_id: row.clientId,
      url: row.url,
      webhook_secret: row.secret,
      events: row.events,
      description: row.description,
      created_at: row.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listWebhooks(db: Executor, clientId: string): Promise<ClientWebhook[]> {
  return db.selectFrom('client_webhooks').selectAll().where('client_id', '=', clientId).orderBy('created_at').execute();
}

export async function findWebhook(db: Executor, clientId: string, id: string): Promise<ClientWebhook | undefined> {
  return db.selectFrom('client_webhooks').selectAll().where('client_id', '=', clientId).where('id', '=', id).executeTakeFirst();
}

export async function updateWebhook(
  db: Executor,
  clientId: string,
  id: string,
  changes: Partial<Pick<ClientWebhook, 'url' | 'events' | 'description' | 'webhook_secret'>>,
): Promise<ClientWebhook | undefined> {
  return db
    .updateTable('client_webhooks')
    .set(changes)
    .where('client_id', '=', clientId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/** Pauses (keeping the first instant and reason) or resumes (the failure count starts again). */
export async function setWebhookPaused(
  db: Executor,
  clientId: string,
  id: string,
  pause: { at: Date; reason: 'admin' } | null,
): Promise<ClientWebhook | undefined> {
  return db
    .updateTable('client_webhooks')
    .set(
      pause
        ? { paused_at: sql`coalesce(paused_at, ${pause.at})`, pause_reason: sql`coalesce(pause_reason, ${pause.reason})` }
        : { paused_at: null, pause_reason: null, consecutive_failures: 0 },
    )
    .where('client_id', '=', clientId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteWebhook(db: Executor, clientId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('client_webhooks').where('client_id', '=', clientId).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * The active subscriptions of a client that may receive (client not revoked, `webhooks` scope held),
 * with the public name of the order's lead unit (Open311's agency_responsible) in the same read.
 */
export async function subscriptionsForStep(db: Executor, clientId: string, leadUnitId: string | null) {
  return db
    .selectFrom('client_webhooks as w')
    .innerJoin('api_clients as c', 'c.id', 'w.client_id')
    .select(['w.id', 'w.events'])
    .select(
      leadUnitId
        ? sql<string | null>`(select u.name from units u where u.id = ${leadUnitId})`.as('agency')
        : sql<string | null>`null::text`.as('agency'),
    )
    .where('w.client_id', '=', clientId)
    .where('w.paused_at', 'is', null)
    .where('c.revoked_at', 'is', null)
    .where(sql<boolean>`'webhooks' = any(c.scopes)`)
    .execute();
}

/** What a delivery needs at send time: the subscription (secret opened) and whether its client may still receive. */
export async function findWebhookForDelivery(db: Executor, id: string) {
  return db
    .selectFrom('client_webhooks as w')
    .innerJoin('api_clients as c', 'c.id', 'w.client_id')
    .selectAll('w')
    .select(['c.revoked_at as client_revoked_at', 'c.scopes as client_scopes'])
    .where('w.id', '=', id)
    .executeTakeFirst();
}

/** The secret of a subscription, by id alone (the loopback receiver). */
export async function findWebhookSecret(db: Executor, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('client_webhooks').select('webhook_secret').where('id', '=', id).executeTakeFirst();
  return row?.webhook_secret;
}

export type NewDeliveryRow = Omit<ClientWebhookDelivery, 'id'>;

export async function insertDelivery(db: Executor, row: NewDeliveryRow): Promise<void> {
  await db.insertInto('client_webhook_deliveries').values(row).execute();
}

/**
 * An attempt's effect on its subscription: a success clears the failure count; a failure counts, and
 * the one that reaches `pauseAfter` pauses it (one conditional statement, so two workers failing at
 * once count both and pause once). Answers whether this attempt paused it.
 */
export async function recordAttempt(
  db: Executor,
  id: string,
  attempt: { at: Date; statusCode: number | null; ok: boolean; pauseAfter: number },
): Promise<{ pausedNow: boolean }> {
  const { at, statusCode, ok, pauseAfter } = attempt;
  const row = await db
    .updateTable('client_webhooks')
    .set(
      ok
        ? { consecutive_failures: 0, last_attempt_at: at, last_status_code: statusCode }
        : {
            consecutive_failures: sql`consecutive_failures + 1`,
            last_attempt_at: at,
            last_status_code: statusCode,
            paused_at: sql`case when paused_at is null and consecutive_failures + 1 >= ${pauseAfter} then ${at}::timestamptz else paused_at end`,
            pause_reason: sql`case when paused_at is null and consecutive_failures + 1 >= ${pauseAfter} then 'failures' else pause_reason end`,
          },
    )
    .where('id', '=', id)
    .returning(['paused_at'])
    .executeTakeFirst();
  return { pausedNow: !ok && row?.paused_at?.getTime() === at.getTime() };
}

export async function listDeliveries(db: Executor, webhookId: string, limit: number): Promise<ClientWebhookDelivery[]> {
  return db
    .selectFrom('client_webhook_deliveries')
    .selectAll()
    .where('webhook_id', '=', webhookId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
