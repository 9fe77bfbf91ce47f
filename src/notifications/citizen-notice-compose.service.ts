import type { CitizenChannel, CitizenEvent, CitizenLang } from '../contract/citizen-notices.js';
import { enqueueOutbox } from '../outbox/outbox.repository.js';
import type { OutboxPayload } from '../outbox/outbox-topics.js';
import { centreTimeZone } from '../shared/time-zone.js';
import type { WorkerDeps } from '../worker/worker-deps.js';
import {
  findCentreForNotice,
  findContact,
  findOrderForNotice,
  insertCitizenNotices,
  optedOutAddresses,
  type NewCitizenNotice,
} from './citizen-notice.repository.js';
import { effectiveNoticeSettings, effectiveTemplates } from './citizen-notice-settings.js';
import { renderTemplate, smsLeak, varsFor } from './citizen-template.js';
import { providerNameFor } from './providers/registry.js';
import { smsSendAt } from './quiet-hours.js';

/** The portal page a notice links to. */
export const portalUrlOf = (publicUrl: string) => `${publicUrl}/portal.html`;

/**
 * Why the caller is not told of this event on this channel, or null. SMS declined at intake: never
 * by SMS. A list of events they agreed to: those. SMS agreed at intake: by SMS. Otherwise a
 * confidential caller hears nothing and any other caller everything the centre sends.
 */
function withheld(
  channel: CitizenChannel,
  event: CitizenEvent,
  contact: { consent: string[] | null; sms_consent: boolean | null } | undefined,
  confidential: boolean | undefined,
): 'sms_declined' | 'not_agreed' | null {
  if (channel === 'sms' && contact?.sms_consent === false) return 'sms_declined';
  if (contact?.consent) return contact.consent.includes(event) ? null : 'not_agreed';
  if (channel === 'sms' && contact?.sms_consent === true) return null;
  return confidential === true ? 'not_agreed' : null;
}

/**
 * Turns one citizen event into delivery records, one per channel the citizen can be reached on
 * (SMS to the caller's phone, e-mail to the contact's address), each with its send time (quiet hours)
 * and a `citizen.send` message — or recorded as skipped with the reason (opted out, not agreed by a
 * confidential caller, the text would carry the appeal). All in one transaction; the records'
 * idempotency keys make a second run of the same event a no-op.
 */
export async function composeCitizenNotices(deps: WorkerDeps, p: OutboxPayload<'citizen.event'>): Promise<number> {
  const at = deps.clock.now();
  const config = deps.config.notices;
  return deps.db.transaction().execute(async (tx) => {
    const settings = await effectiveNoticeSettings(tx, p.centreId);
    const isCode = p.event === 'otp';
    if (!isCode && !settings.events.includes(p.event)) return 0;
    const order = p.orderId ? await findOrderForNotice(tx, p.orderId) : undefined;
    if (p.orderId && !order) return 0;
    const centre = order ? { name: order.centre_name, timezone: order.timezone } : await findCentreForNotice(tx, p.centreId);
    if (!centre) return 0;
    const contact = order ? await findContact(tx, order.id) : undefined;
    const phone = p.phone ?? order?.caller_phone ?? null;
    const email = isCode ? null : (contact?.email?.toLowerCase() ?? null);
    const targets: { channel: CitizenChannel; to: string }[] = [
      ...(phone ? [{ channel: 'sms' as const, to: phone }] : []),
      ...(email ? [{ channel: 'email' as const, to: email }] : []),
    ];
    if (targets.length === 0) return 0;
    const optedOut = isCode
      ? new Set<string>()
      : await optedOutAddresses(
          tx,
          p.centreId,
          targets.map((t) => t.to),
        );
    const notAgreed = (channel: CitizenChannel) =>
      isCode ? null : withheld(channel, p.event, contact, order?.caller_confidential);
    const wanted = (contact?.lang ?? 'zh') as CitizenLang;
    const lang: CitizenLang = wanted !== 'zh' && wanted === settings.secondLang ? wanted : 'zh';
    const templateOf = await effectiveTemplates(tx, p.centreId);
    const urgent = p.urgent ?? (isCode || order?.priority === 4);
    const vars: Record<string, string> = {
      centreName: centre.name,
      portalUrl: portalUrlOf(config.publicUrl),
      ...(order ? { orderNo: order.order_no, queryCode: order.query_code, title: order.title } : {}),
      ...p.vars,
    };
    const rows: NewCitizenNotice[] = targets.map((t) => {
      const template = templateOf(p.event, t.channel, lang) ?? templateOf(p.event, t.channel, 'zh');
      const usedLang = templateOf(p.event, t.channel, lang) ? lang : 'zh';
      const body = renderTemplate(t.channel, template?.body ?? '', vars);
      const subject = template?.subject ? renderTemplate(t.channel, template.subject, vars) : null;
      const leak = t.channel === 'sms' ? smsLeak(body, order ?? null) : null;
      const reason = optedOut.has(t.to) ? 'opted_out' : (notAgreed(t.channel) ?? (leak ? 'content_in_sms' : null));
      return {
        centreId: p.centreId,
        orderId: order?.id ?? null,
        event: p.event,
        channel: t.channel,
        provider: providerNameFor(config, t.channel),
        recipient: t.to,
        lang: usedLang,
        subject,
        body,
        params: varsFor(t.channel, vars),
        status: reason ? 'skipped' : 'queued',
        reason,
        urgent,
        idempotencyKey: `${p.key}:${t.channel}`,
        notBefore:
          t.channel === 'sms'
            ? smsSendAt(at, {
                start: settings.quietStart,
                end: settings.quietEnd,
                timeZone: centreTimeZone(centre.timezone),
                urgent,
              })
            : at,
        at,
      };
    });
    const inserted = await insertCitizenNotices(tx, rows);
    await enqueueOutbox(
      tx,
      inserted
        .filter((r) => r.status === 'queued')
        .map((r) => ({
          topic: 'citizen.send' as const,
          payload: { noticeId: r.id, orderId: order?.id ?? null },
          availableAt: r.not_before,
          dedupeKey: `citizen.send:${r.id}`,
        })),
      at,
    );
    return inserted.length;
  });
}
