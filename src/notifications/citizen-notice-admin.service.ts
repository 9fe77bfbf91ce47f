import type { Config } from '../config/config.js';
import {
  CITIZEN_CHANNELS,
  CITIZEN_EVENTS,
  CITIZEN_LANGS,
  CITIZEN_NOTICE_EDITORS,
  CITIZEN_NOTICE_READERS,
  OPT_OUT_RECORDERS,
  EMAIL_PATTERN,
  TEMPLATE_VARS,
  VISIT_LINK_SENDERS,
  type CitizenChannel,
  type CitizenContactView,
  type CitizenEvent,
  type CitizenLang,
  type CitizenNoticeListView,
  type CitizenNoticeSettingsView,
  type CitizenNoticeStatus,
  type CitizenOptOutListView,
  type CitizenOptOutView,
  type CitizenTemplateListView,
} from '../contract/citizen-notices.js';
import { text, type MessageKey } from '../i18n/messages.js';
import { maskPhone } from '../orders/masking.js';
import { normalizePhone, PHONE_REGEXP } from '../orders/phone.js';
import { guardPhoneLookup, loadVisibleOrder } from '../orders/order-query.service.js';
import { logPiiAccess } from '../accesslog/pii-access-log.repository.js';
import { can } from '../users/permissions.js';
import type { Deps } from '../shared/deps.js';
import { domainError, forbidden, invalidField } from '../shared/errors.js';
import { hasAnyRole, type Actor } from '../users/roles.js';
import {
  applyDeliveryReport,
  deleteTemplate,
  findContact,
  listCitizenNotices,
  listOptOuts,
  setOptOut,
  upsertContact,
  upsertNoticeSettings,
  upsertTemplate,
} from './citizen-notice.repository.js';
import { effectiveNoticeSettings, effectiveTemplates } from './citizen-notice-settings.js';
import { forbiddenPlaceholders, withoutSecret } from './citizen-template.js';
import { readAliyunReport } from './providers/aliyun-sms.provider.js';
import { readHttpSmsReport } from './providers/http-sms.provider.js';

const mustRead = (actor: Actor) => {
  if (!hasAnyRole(actor, CITIZEN_NOTICE_READERS)) throw forbidden();
};
const mustEdit = (actor: Actor) => {
  if (!hasAnyRole(actor, CITIZEN_NOTICE_EDITORS)) throw forbidden();
};

const maskEmail = (email: string) => email.replace(/^(.)[^@]*(@.*)$/, '$1***$2');

/**
 * The one code staff may read: a portal code held for want of an SMS channel while the clearly named
 * development setting LIANXIN_DEV_LOG_OTP is on (the demo's 未配置短信通道, ADR 0104).
 */
const devCodeShown = (config: Config, r: { event: string; status: string; reason: string | null }) =>
  config.devLogOtp && r.event === 'otp' && r.status === 'held' && r.reason === 'no_sms_channel';

/** The staff outbox page: the centre's delivery records, newest first, recipients masked, secrets blanked. */
export async function listCitizenNoticesFor(
  deps: Deps,
  config: Config,
  actor: Actor,
  f: { status?: CitizenNoticeStatus; orderId?: string; limit?: number },
): Promise<CitizenNoticeListView<Date>> {
  mustRead(actor);
  const rows = await listCitizenNotices(deps.db, {
    centreId: actor.centreId,
    status: f.status,
    orderId: f.orderId,
    limit: f.limit ?? 100,
  });
  return {
    configured: { sms: config.notices.sms !== undefined, email: config.notices.mail !== undefined },
    items: rows.map((r) => ({
      id: r.id,
      orderId: r.order_id,
      orderNo: r.order_no,
      event: r.event as CitizenEvent,
      channel: r.channel as CitizenChannel,
      provider: r.provider,
      recipient: r.channel === 'sms' ? (maskPhone(r.recipient) ?? '') : maskEmail(r.recipient),
      // A code or a one-time link is for the citizen only, queued, held or failed alike.
      body: devCodeShown(config, r) ? r.body : withoutSecret(r.event, r.body),
      status: r.status as CitizenNoticeStatus,
      reason: r.reason ? text(`citizenNotice.reason.${r.reason}` as MessageKey) : null,
      urgent: r.urgent,
      providerId: r.provider_id,
      attempts: r.attempts,
      lastError: r.last_error,
      notBefore: r.not_before,
      createdAt: r.created_at,
      sentAt: r.sent_at,
      deliveredAt: r.delivered_at,
    })),
  };
}

export async function getCitizenNoticeSettings(deps: Deps, actor: Actor): Promise<CitizenNoticeSettingsView> {
  mustRead(actor);
  return effectiveNoticeSettings(deps.db, actor.centreId);
}

export async function putCitizenNoticeSettings(
  deps: Deps,
  actor: Actor,
  s: CitizenNoticeSettingsView,
): Promise<CitizenNoticeSettingsView> {
  mustEdit(actor);
  if (s.secondLang === 'zh') throw invalidField('secondLang');
  await upsertNoticeSettings(deps.db, { centreId: actor.centreId, ...s, events: [...new Set(s.events)], at: deps.clock.now() });
  return effectiveNoticeSettings(deps.db, actor.centreId);
}

/** Every (event, channel) in zh and, when set, the second language: the centre's text or the built-in one. */
export async function listCitizenTemplates(deps: Deps, actor: Actor): Promise<CitizenTemplateListView> {
  mustRead(actor);
  const settings = await effectiveNoticeSettings(deps.db, actor.centreId);
  const templateOf = await effectiveTemplates(deps.db, actor.centreId);
  const langs: CitizenLang[] = settings.secondLang ? ['zh', settings.secondLang] : ['zh'];
  return {
    vars: { sms: [...TEMPLATE_VARS.sms], email: [...TEMPLATE_VARS.email] },
    items: CITIZEN_EVENTS.flatMap((event) =>
      CITIZEN_CHANNELS.flatMap((channel) =>
        langs.map((lang) => {
          const t = templateOf(event, channel, lang);
          return { event, channel, lang, subject: t?.subject ?? null, body: t?.body ?? '', custom: t?.custom ?? false };
        }),
      ),
    ),
  };
}

/** Writes a centre's template; an SMS template naming a variable it may not carry ({title}) is refused. */
export async function putCitizenTemplate(
  deps: Deps,
  actor: Actor,
  k: { event: CitizenEvent; channel: CitizenChannel; lang: CitizenLang },
  t: { subject: string | null; body: string | null },
): Promise<CitizenTemplateListView> {
  mustEdit(actor);
  if (!(CITIZEN_LANGS as readonly string[]).includes(k.lang)) throw invalidField('lang');
  if (t.body === null) {
    await deleteTemplate(deps.db, { centreId: actor.centreId, ...k });
  } else {
    const bad = forbiddenPlaceholders(k.channel, `${t.subject ?? ''} ${t.body}`);
    if (bad.length > 0)
      throw domainError('VALIDATION', 'citizenNotice.badPlaceholder', { names: bad.join(', ') }, { field: 'body' });
    await upsertTemplate(deps.db, {
      centreId: actor.centreId,
      ...k,
      subject: t.subject,
      body: t.body,
      by: actor.userId,
      at: deps.clock.now(),
    });
  }
  return listCitizenTemplates(deps, actor);
}

/** A citizen's "no more notices" (phone or e-mail), recorded by staff on the citizen's word. */
/** A phone (digits) or e-mail (lower case) as intake takes them, or null. */
function optOutAddress(given: string): string | null {
  const valid = given.includes('@') ? new RegExp(EMAIL_PATTERN).test(given) : PHONE_REGEXP.test(given);
  return !valid ? null : given.includes('@') ? given.toLowerCase() : normalizePhone(given);
}

const maskAddress = (address: string) => (address.includes('@') ? maskEmail(address) : (maskPhone(address) ?? ''));

/**
 * A citizen's "no more notices" (or back in), recorded by a supervisor or the administrator on the
 * citizen's word; each change is a row of the audit trail (whose address, masked; what was done).
 */
export async function setCitizenOptOut(deps: Deps, actor: Actor, r: CitizenOptOutView): Promise<CitizenOptOutView> {
  if (!hasAnyRole(actor, OPT_OUT_RECORDERS)) throw forbidden();
  // An address that no notice can go to would be recorded for nothing: a phone or an e-mail, as intake takes them.
  const address = optOutAddress(r.address.trim());
  if (!address) throw invalidField('address');
  const at = deps.clock.now();
  await setOptOut(deps.db, {
    centreId: actor.centreId,
    address,
    optedOut: r.optedOut,
    source: `staff:${actor.userId ?? ''}`,
    at,
  });
  await logPiiAccess(deps.db, {
    userId: actor.userId,
    orderId: null,
    fields: [],
    purpose: r.optedOut ? 'citizenOptOut.added' : 'citizenOptOut.removed',
    at,
    centreId: actor.centreId,
    subject: maskAddress(address),
    detail: { channel: address.includes('@') ? 'email' : 'sms', onCitizenRequest: true },
  });
  return { address, optedOut: r.optedOut };
}

/**
 * The centre's opted-out phones and e-mails, newest first: whole for a reader with phone rights
 * (pii.read), masked otherwise. A search names one whole address: only with phone rights, under the
 * same limits as the order list's phone filter (issue 15), and logged as a personal-data access.
 */
export async function listCitizenOptOutsFor(
  deps: Deps,
  actor: Actor,
  f: { q?: string; limit?: number },
): Promise<CitizenOptOutListView<Date>> {
  mustRead(actor);
  const unmasked = can(actor, 'pii.read');
  const q = f.q?.trim() ?? '';
  let recipient: string | undefined;
  if (q !== '') {
    const address = optOutAddress(q);
    if (!address) throw invalidField('q');
    if (!address.includes('@')) await guardPhoneLookup(deps, actor, address);
    else if (!unmasked) throw forbidden('error.phoneFilterForbidden');
    recipient = address;
  }
  const rows = await listOptOuts(deps.db, { centreId: actor.centreId, recipient, limit: f.limit ?? 100 });
  if (recipient !== undefined)
    await logPiiAccess(deps.db, {
      userId: actor.userId,
      orderId: null,
      fields: [recipient.includes('@') ? 'email' : 'caller_phone'],
      purpose: 'citizenOptOut.search',
      at: deps.clock.now(),
      centreId: actor.centreId,
      subject: maskAddress(recipient),
      detail: { found: rows.length > 0 },
    });
  return {
    unmasked,
    items: rows.map((r) => ({
      address: unmasked ? r.recipient : maskAddress(r.recipient),
      masked: !unmasked,
      channel: r.recipient.includes('@') ? 'email' : 'sms',
      at: r.at,
      source: r.source === 'portal' ? 'portal' : 'staff',
    })),
  };
}

const CONTACT_EDITORS = [...VISIT_LINK_SENDERS] as const;

export async function getCitizenContact(deps: Deps, actor: Actor, orderRef: string): Promise<CitizenContactView> {
  const order = await loadVisibleOrder(deps, actor, orderRef);
  const c = await findContact(deps.db, order.id);
  return {
    orderId: order.id,
    email: c?.email ?? null,
    lang: (c?.lang ?? 'zh') as CitizenLang,
    consent: (c?.consent ?? null) as CitizenEvent[] | null,
    sms: c?.sms_consent ?? null,
  };
}

/** The caller's e-mail, language and (a confidential caller) the events they agreed to hear about. */
export async function putCitizenContact(
  deps: Deps,
  actor: Actor,
  orderRef: string,
  c: Omit<CitizenContactView, 'orderId' | 'sms'> & { sms?: boolean | null },
): Promise<CitizenContactView> {
  if (!hasAnyRole(actor, CONTACT_EDITORS)) throw forbidden();
  const order = await loadVisibleOrder(deps, actor, orderRef);
  await upsertContact(deps.db, {
    orderId: order.id,
    email: c.email?.trim().toLowerCase() || null,
    lang: c.lang,
    consent: c.consent ? [...new Set(c.consent)] : null,
    sms: c.sms,
    at: deps.clock.now(),
  });
  return getCitizenContact(deps, actor, order.id);
}

/**
 * A provider's delivery-report callback: the HTTP gateway's is signed (HMAC), Aliyun's carries the
 * configured token. Answers how many records moved to delivered or failed; null = not authentic.
 */
export async function receiveDeliveryReport(
  deps: Deps,
  config: Config,
  r: { provider: string; raw: string; timestamp?: string; signature?: string; token?: string },
): Promise<number | null> {
  const sms = config.notices.sms;
  if (!sms || sms.kind !== r.provider) return null;
  let reports;
  if (sms.kind === 'http') {
    reports = readHttpSmsReport(sms, r.raw, { timestamp: r.timestamp, signature: r.signature });
    if (!reports) return null;
  } else {
    if (!config.notices.smsReportToken || r.token !== config.notices.smsReportToken) return null;
    reports = readAliyunReport(r.raw);
  }
  let applied = 0;
  for (const report of reports)
    applied += await applyDeliveryReport(deps.db, { provider: sms.kind, ...report, at: deps.clock.now() });
  return applied;
}
