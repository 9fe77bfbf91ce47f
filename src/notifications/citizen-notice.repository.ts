import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import { mayGroupStatements } from '../db/unit-of-work.js';
import { coalescerOn } from '../shared/coalesce.js';
import type { NoticeSecret } from './citizen-template.js';

export async function findNoticeSettings(db: Executor, centreId: string) {
  return db.selectFrom('citizen_notice_settings').selectAll().where('centre_id', '=', centreId).executeTakeFirst();
}

export async function upsertNoticeSettings(
  db: Executor,
  row: {
    centreId: string;
    events: string[];
    quietStart: number;
    quietEnd: number;
    secondLang: string | null;
    visitLinkHours: number;
    directVisitShare: number;
    at: Date;
  },
): Promise<void> {
  const values = {
    events: row.events,
    quiet_start: row.quietStart,
    quiet_end: row.quietEnd,
    second_lang: row.secondLang,
    visit_link_hours: row.visitLinkHours,
    direct_visit_share: row.directVisitShare,
    updated_at: row.at,
  };
  await db
    .insertInto('citizen_notice_settings')
    .values({ centre_id: row.centreId, ...values })
    .onConflict((oc) => oc.column('centre_id').doUpdateSet(values))
    .execute();
}

export async function listTemplateOverrides(db: Executor, centreId: string) {
  return db.selectFrom('citizen_notice_templates').selectAll().where('centre_id', '=', centreId).execute();
}

export async function upsertTemplate(
  db: Executor,
  row: {
    centreId: string;
    event: string;
    channel: string;
    lang: string;
    subject: string | null;
    body: string;
    by: string | null;
    at: Date;
  },
): Promise<void> {
  const values = { subject: row.subject, body: row.body, updated_at: row.at, updated_by: row.by };
  await db
    .insertInto('citizen_notice_templates')
    .values({ centre_id: row.centreId, event: row.event, channel: row.channel, lang: row.lang, ...values })
    .onConflict((oc) => oc.columns(['centre_id', 'event', 'channel', 'lang']).doUpdateSet(values))
    .execute();
}

export async function deleteTemplate(db: Executor, k: { centreId: string; event: string; channel: string; lang: string }) {
  await db
    .deleteFrom('citizen_notice_templates')
    .where('centre_id', '=', k.centreId)
    .where('event', '=', k.event)
    .where('channel', '=', k.channel)
    .where('lang', '=', k.lang)
    .execute();
}

export async function optedOutAddresses(db: Executor, centreId: string, addresses: string[]): Promise<Set<string>> {
  if (addresses.length === 0) return new Set();
  const rows = await db
    .selectFrom('citizen_opt_outs')
    .select('recipient')
    .where('centre_id', '=', centreId)
    .where('recipient', 'in', addresses)
    .execute();
  return new Set(rows.map((r) => r.recipient));
}

export async function setOptOut(
  db: Executor,
  r: { centreId: string; address: string; optedOut: boolean; source: string; at: Date },
) {
  if (!r.optedOut) {
    await db.deleteFrom('citizen_opt_outs').where('centre_id', '=', r.centreId).where('recipient', '=', r.address).execute();
    return;
  }
  await db
    .insertInto('citizen_opt_outs')
    .values({ centre_id: r.centreId, recipient: r.address, at: r.at, source: r.source })
    .onConflict((oc) => oc.columns(['centre_id', 'recipient']).doNothing())
    .execute();
}

/** The centre's opt-outs, newest first; `recipient`: that one address only. */
export async function listOptOuts(db: Executor, f: { centreId: string; recipient?: string; limit: number }) {
  let q = db
    .selectFrom('citizen_opt_outs')
    .select(['recipient', 'at', 'source'])
    .where('centre_id', '=', f.centreId)
    .orderBy('at', 'desc')
    .orderBy('recipient')
    .limit(f.limit);
  if (f.recipient !== undefined) q = q.where('recipient', '=', f.recipient);
  return q.execute();
}

export async function findContact(db: Executor, orderId: string) {
  return db.selectFrom('citizen_contacts').selectAll().where('order_id', '=', orderId).executeTakeFirst();
}

export async function upsertContact(
  db: Executor,
  r: { orderId: string; email: string | null; lang: string; consent: string[] | null; sms?: boolean | null; at: Date },
): Promise<void> {
  // `sms` left out keeps what was recorded (the consent given at intake).
  const values = {
    email: r.email,
    lang: r.lang,
    consent: r.consent,
    ...(r.sms === undefined ? {} : { sms_consent: r.sms }),
    updated_at: r.at,
  };
  await db
    .insertInto('citizen_contacts')
    .values({ order_id: r.orderId, ...values })
    .onConflict((oc) => oc.column('order_id').doUpdateSet(values))
    .execute();
}

/** What a notice about an order needs: the order's facts, its centre's name and zone. */
export async function findOrderForNotice(db: Executor, orderId: string) {
  return db
    .selectFrom('orders as o')
    .innerJoin('centres as c', 'c.id', 'o.centre_id')
    .select([
      'o.id',
      'o.centre_id',
      'o.order_no',
      'o.query_code',
      'o.channel',
      'o.priority',
      'o.title',
      'o.content',
      'o.caller_name',
      'o.caller_phone',
      'o.caller_confidential',
      'c.name as centre_name',
      'c.timezone',
    ])
    .where('o.id', '=', orderId)
    .executeTakeFirst();
}

export async function findCentreForNotice(db: Executor, centreId: string) {
  return db.selectFrom('centres').select(['id', 'name', 'timezone']).where('id', '=', centreId).executeTakeFirst();
}

export interface NewCitizenNotice {
  centreId: string;
  orderId: string | null;
  event: string;
  channel: string;
  provider: string;
  recipient: string;
  lang: string;
  subject: string | null;
  body: string;
  params: Record<string, string>;
  status: 'queued' | 'skipped';
  reason: string | null;
  urgent: boolean;
  idempotencyKey: string;
  notBefore: Date;
  at: Date;
}

/** Writes the delivery records; a key already written is left alone (an event handled twice). Answers the new rows. */
export async function insertCitizenNotices(db: Executor, rows: NewCitizenNotice[]) {
  if (rows.length === 0) return [];
  return db
    .insertInto('citizen_notices')
    .values(
      rows.map((r) => ({
        centre_id: r.centreId,
        order_id: r.orderId,
        event: r.event,
        channel: r.channel,
        provider: r.provider,
        recipient: r.recipient,
        lang: r.lang,
        subject: r.subject,
        body: r.body,
        params: JSON.stringify(r.params),
        status: r.status,
        reason: r.reason,
        urgent: r.urgent,
        idempotency_key: r.idempotencyKey,
        not_before: r.notBefore,
        created_at: r.at,
      })),
    )
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .returning(['id', 'status', 'not_before'])
    .execute();
}

/** Delivery records as the sender reads them, by id (a claimed batch's at once). */
export function findCitizenNotices(db: Executor, ids: readonly number[]) {
  return db
    .selectFrom('citizen_notices as n')
    .leftJoin('orders as o', 'o.id', 'n.order_id')
    .select(['n.id', 'n.status', 'n.channel', 'n.event', 'n.recipient', 'n.subject', 'n.body', 'n.params', 'n.idempotency_key'])
    .select(['o.title', 'o.content', 'o.caller_name'])
    .where('n.id', 'in', ids)
    .execute();
}
export type NoticeToSend = Awaited<ReturnType<typeof findCitizenNotices>>[number];

export async function findCitizenNotice(db: Executor, id: number): Promise<NoticeToSend | undefined> {
  return (await findCitizenNotices(db, [id]))[0];
}

export type { NoticeSecret };

/** The record's text and variables with a secret blanked (the sender no longer needs them). */
const blanked = (secret: NoticeSecret | null) =>
  secret
    ? {
        body: sql<string>`regexp_replace(body, ${secret.pattern}, ${secret.replacement}, 'g')`,
        params: sql<string>`'{}'::jsonb`,
      }
    : {};

interface SentMark {
  id: number;
  provider: string;
  providerId: string;
  at: Date;
  redact: NoticeSecret | null;
}

/** Several records queued → sent in one statement, each with its own provider, id, time and secret (the marks as JSON by id). */
async function markNoticesSent(db: Executor, marks: readonly SentMark[]): Promise<void[]> {
  const byId = JSON.stringify(
    Object.fromEntries(
      marks.map((m) => [
        m.id,
        {
          provider: m.provider,
          providerId: m.providerId,
          at: m.at.toISOString(),
          pattern: m.redact?.pattern ?? null,
          with: m.redact?.replacement ?? null,
        },
      ]),
    ),
  );
  const mark = sql`(${byId}::jsonb -> (id::text))`;
  const secret = sql<string | null>`${mark} ->> 'pattern'`;
  await db
    .updateTable('citizen_notices')
    .set({
      status: 'sent',
      provider: sql<string>`${mark} ->> 'provider'`,
      provider_id: sql<string>`${mark} ->> 'providerId'`,
      sent_at: sql<Date>`(${mark} ->> 'at')::timestamptz`,
      attempts: sql<number>`attempts + 1`,
      last_error: null,
      body: sql<string>`case when ${secret} is null then body else regexp_replace(body, ${secret}, ${mark} ->> 'with', 'g') end`,
      params: sql<string>`case when ${secret} is null then params else '{}'::jsonb end`,
    })
    .where(
      'id',
      'in',
      marks.map((m) => m.id),
    )
    .where('status', '=', 'queued')
    .execute();
  return marks.map(() => undefined);
}

/**
 * queued → sent, with the provider's id; a secret in the text is blanked (and the variables dropped)
 * once it has gone. Outside a transaction the marks of the sender's lanes go together (one statement
 * for those that arrive while the previous one runs); the promise settles once this mark has committed.
 */
export async function markNoticeSent(
  db: Executor,
  id: number,
  r: { provider: string; providerId: string; at: Date; redact: NoticeSecret | null },
) {
  const mark: SentMark = { id, ...r };
  if (!mayGroupStatements(db)) return void (await markNoticesSent(db, [mark]));
  await coalescerOn(db, 'citizen_notices.sent', (marks: readonly SentMark[]) => markNoticesSent(db, marks)).add(mark);
}

/** No provider for the channel: kept for staff (未配置通道). */
export async function markNoticeHeld(db: Executor, id: number, channel: string, at: Date, secret: NoticeSecret | null) {
  await db
    .updateTable('citizen_notices')
    .set({
      ...blanked(secret),
      status: 'held',
      provider: 'none',
      reason: channel === 'sms' ? 'no_sms_channel' : 'no_email_channel',
      sent_at: null,
      last_error: null,
      failed_at: null,
      delivered_at: null,
      not_before: at,
    })
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .execute();
}

export async function markNoticeAttemptFailed(
  db: Executor,
  id: number,
  r: { error: string; at: Date; final: boolean; reason?: string; redact: NoticeSecret | null },
) {
  await db
    .updateTable('citizen_notices')
    .set({
      ...(r.final ? blanked(r.redact) : {}),
      attempts: sql<number>`attempts + 1`,
      last_error: r.error.slice(0, 1000),
      ...(r.final ? { status: 'failed', failed_at: r.at, reason: r.reason ?? 'provider' } : {}),
    })
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .execute();
}

/** A provider's delivery report: sent → delivered or failed (a report for a later state changes nothing). */
export async function applyDeliveryReport(
  db: Executor,
  r: { provider: string; providerId: string; delivered: boolean; error: string | null; at: Date },
) {
  const res = await db
    .updateTable('citizen_notices')
    .set(
      r.delivered
        ? { status: 'delivered', delivered_at: r.at }
        : { status: 'failed', failed_at: r.at, last_error: r.error, reason: 'undelivered' },
    )
    .where('provider', '=', r.provider)
    .where('provider_id', '=', r.providerId)
    .where('status', '=', 'sent')
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export async function listCitizenNotices(
  db: Executor,
  f: { centreId: string; status?: string; orderId?: string; limit: number },
) {
  let q = db
    .selectFrom('citizen_notices as n')
    .leftJoin('orders as o', 'o.id', 'n.order_id')
    .selectAll('n')
    .select('o.order_no')
    .where('n.centre_id', '=', f.centreId)
    .orderBy('n.id', 'desc')
    .limit(f.limit);
  if (f.status) q = q.where('n.status', '=', f.status);
  if (f.orderId) q = q.where('n.order_id', '=', f.orderId);
  return q.execute();
}
