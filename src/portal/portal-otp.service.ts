import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { text } from '../i18n/messages.js';
import { normalizePhone } from '../orders/phone.js';
import type { OrderDeps as Deps } from '../orders/order-hooks.js';
import { DomainError, domainError, invalidField } from '../shared/errors.js';
import { PORTAL_OTP_LENGTH } from '../contract/portal.js';
import type { MyAppeal } from '../contract/portal-views.js';
import { portalStage } from './portal.presenter.js';
import {
  countOtpAttempt,
  countOtpCodesSince,
  deleteOldOtpCodes,
  insertOtpCode,
  listAppealsByPhone,
  lockLiveOtpCode,
  markOtpUsed,
} from './portal-otp.repository.js';
import { portalCentre } from './portal.service.js';
import { openPhoneSession } from './portal-optout.service.js';

/** The rules of "my appeals" codes (ADR 0104). */
export const OTP_RULES = {
  ttlMinutes: 5,
  maxAttempts: 5,
  perPhonePerHour: 5,
  perIpPerHour: 20,
  listLimit: 50,
} as const;

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

/** Only a hash is stored; the phone salts it, so one code's hash says nothing about another phone's. */
const hashCode = (phone: string, code: string) => createHash('sha256').update(`${phone}:${code}`).digest('hex');

const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Where a code goes: an SMS notice through the outbox (and, in development, the log; LIANXIN_DEV_LOG_OTP). */
export type OtpDelivery = (phone: string, code: string, centreId: string) => unknown;

const tooMany = () => new DomainError('RATE_LIMITED', text('error.portalOtpTooMany'), { retryAfterSeconds: HOUR_MS / 1000 });

/**
 * Makes and delivers a code for a phone. It answers alike whether the phone has appeals or not, so
 * numbers cannot be probed; codes per phone and per address are limited.
 */
export async function requestOtp(deps: Deps, input: { phone: string; clientIp: string }, deliver: OtpDelivery) {
  const phone = normalizePhone(input.phone);
  if (!phone) throw invalidField('phone');
  const at = deps.clock.now();
  const hourAgo = new Date(at.getTime() - HOUR_MS);
  if ((await countOtpCodesSince(deps.db, { phone }, hourAgo)) >= OTP_RULES.perPhonePerHour) throw tooMany();
  if ((await countOtpCodesSince(deps.db, { clientIp: input.clientIp }, hourAgo)) >= OTP_RULES.perIpPerHour) throw tooMany();
  await deleteOldOtpCodes(deps.db, new Date(at.getTime() - DAY_MS));
  const code = String(randomInt(0, 10 ** PORTAL_OTP_LENGTH)).padStart(PORTAL_OTP_LENGTH, '0');
  const expiresAt = new Date(at.getTime() + OTP_RULES.ttlMinutes * 60_000);
  await insertOtpCode(deps.db, { phone, clientIp: input.clientIp, codeHash: hashCode(phone, code), at, expiresAt });
  await deliver(phone, code, (await portalCentre(deps)).id);
  return { expiresInMinutes: OTP_RULES.ttlMinutes };
}

/**
 * Checks a code against the phone's newest live code; a wrong one uses up an attempt (kept even
 * though the request fails), the right one is spent. Then the phone's appeals with their query codes,
 * and a short session for the citizen's own notice choice on the same page.
 */
export async function myAppeals(
  deps: Deps,
  input: { phone: string; code: string },
): Promise<{ appeals: MyAppeal[] } & Awaited<ReturnType<typeof openPhoneSession>>> {
  const phone = await spendOtpCode(deps, input);
  const centre = await portalCentre(deps);
  const rows = await listAppealsByPhone(deps.db, centre.id, phone, OTP_RULES.listLimit);
  return {
    // The proved phone's session: the citizen's own notice choice on the same page (不再接收短信通知).
    ...(await openPhoneSession(deps, centre.id, phone)),
    appeals: rows.map((r) => {
      const stage = portalStage(r.state);
      return {
        orderNo: r.order_no,
        queryCode: r.query_code,
        // A confidential appeal's subject is not shown, even to the verified phone (a shared phone).
        title: r.caller_confidential ? text('portal.confidentialTitle').zh : r.title,
        acceptedAt: new Date(r.accepted_at).toISOString(),
        stage,
        stageText: text(`portal.stage.${stage}`),
      };
    }),
  };
}

/**
 * Proves a phone with its one-time code and answers the phone's digits (also the residents' portal
 * session of issue 19 starts here).
 */
export async function spendOtpCode(deps: Pick<Deps, 'db' | 'clock'>, input: { phone: string; code: string }): Promise<string> {
  const phone = normalizePhone(input.phone);
  if (!phone) throw invalidField('phone');
  const at = deps.clock.now();
  const ok = await deps.db.transaction().execute(async (tx) => {
    const live = await lockLiveOtpCode(tx, phone, at, OTP_RULES.maxAttempts);
    if (!live) return false;
    if (!sameHash(live.code_hash, hashCode(phone, input.code))) {
      await countOtpAttempt(tx, live.id);
      return false;
    }
    await markOtpUsed(tx, live.id, at);
    return true;
  });
  if (!ok) throw domainError('VALIDATION', 'error.portalOtpWrong', {}, { field: 'code' });
  return phone;
}
