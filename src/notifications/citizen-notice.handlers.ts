import type { CitizenChannel, CitizenEvent } from '../contract/citizen-notices.js';
import type { OutboxHandler } from '../worker/outbox-handlers.js';
import {
  findCitizenNotice,
  findCitizenNotices,
  markNoticeAttemptFailed,
  markNoticeHeld,
  markNoticeSent,
  type NoticeToSend,
} from './citizen-notice.repository.js';
import { composeCitizenNotices } from './citizen-notice-compose.service.js';
import { NOTICE_SECRETS as SECRETS, smsLeak } from './citizen-template.js';
import { PermanentSendError } from './providers/provider.js';
import { noticeProviders } from './providers/registry.js';

/** 群众通知: render an event into delivery records (src/notifications/citizen-notice-compose.service.ts). */
export const citizenEventHandler: OutboxHandler<'citizen.event'> = {
  topic: 'citizen.event',
  // Each event is its own transaction over its own order's rows; one order's events in order.
  concurrency: 8,
  serialKey: (p) => p.orderId ?? p.key,
  async run(deps, payload) {
    await composeCitizenNotices(deps, payload);
  },
};

const SEND_ATTEMPTS = 8;

/**
 * Sends one delivery record through its channel's provider: rate limited per provider, the record's
 * idempotency key given to the provider, `sent` with the provider's id only after the provider took
 * it. A crash between the two sends again with the same key (the provider's de-duplication key; an
 * SMTP receiver sees the same Message-ID). No provider configured: held for staff (未配置通道).
 */
export const citizenSendHandler: OutboxHandler<'citizen.send', ReadonlyMap<number, NoticeToSend>> = {
  topic: 'citizen.send',
  maxAttempts: SEND_ATTEMPTS,
  baseDelayMs: 30_000,
  maxDelayMs: 2 * 3600_000,
  // Each send waits on its provider (a gateway's HTTP answer, an SMTP dialogue) and touches only its own
  // delivery record: several at once, within the provider's rate limit (ADR 0178); one order's notices
  // still one after another, so the receipt is not overtaken by 已派单.
  concurrency: 16,
  serialKey: (p) => p.orderId ?? `notice:${p.noticeId}`,
  // The batch's records in one read; only this sender, holding the messages' leases, changes them.
  async prepare(deps, payloads) {
    const rows = await findCitizenNotices(
      deps.db,
      payloads.map((p) => p.noticeId),
    );
    return new Map(rows.map((r) => [r.id, r]));
  },
  async run(deps, { noticeId }, message, prepared) {
    const n = prepared?.get(noticeId) ?? (await findCitizenNotice(deps.db, noticeId));
    if (!n || n.status !== 'queued') return;
    const channel = n.channel as CitizenChannel;
    const slot = noticeProviders(deps.config.notices)[channel];
    if (!slot) {
      // The development setting LIANXIN_DEV_LOG_OTP keeps a held code readable (ADR 0104); otherwise a
      // secret that will never go is blanked at once, unless its event keeps it (NOTICE_SECRETS).
      const secret = SECRETS[n.event as CitizenEvent] ?? null;
      const keep = (deps.config.devLogOtp && n.event === 'otp') || secret?.keptWhenHeld === true;
      await markNoticeHeld(deps.db, n.id, channel, deps.clock.now(), keep ? null : secret);
      return;
    }
    // Defence in depth: the text (and the variables an SMS API receives) never carry the appeal.
    if (channel === 'sms' && (smsLeak(n.body, n) || smsLeak(Object.values(n.params).join(' '), n))) {
      await markNoticeAttemptFailed(deps.db, n.id, {
        error: 'the SMS would carry the appeal',
        at: deps.clock.now(),
        final: true,
        reason: 'content_in_sms',
        redact: SECRETS[n.event as CitizenEvent] ?? null,
      });
      return;
    }
    await slot.limiter.take();
    try {
      const { providerId } = await slot.provider.send({
        to: n.recipient,
        subject: n.subject,
        body: n.body,
        event: n.event as CitizenEvent,
        params: n.params,
        idempotencyKey: n.idempotency_key,
        at: deps.clock.now(),
      });
      await markNoticeSent(deps.db, n.id, {
        provider: slot.provider.name,
        providerId,
        at: deps.clock.now(),
        redact: SECRETS[n.event as CitizenEvent] ?? null,
      });
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      const permanent = error instanceof PermanentSendError;
      const final = permanent || message.attempts >= SEND_ATTEMPTS;
      await markNoticeAttemptFailed(deps.db, n.id, {
        error: text,
        at: deps.clock.now(),
        final,
        redact: SECRETS[n.event as CitizenEvent] ?? null,
      });
      if (!permanent) throw error;
    }
  },
};
