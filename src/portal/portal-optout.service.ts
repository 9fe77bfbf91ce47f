import type { PortalNoticeChoice } from '../contract/citizen-notices.js';
import { isOptedOut, setOwnOptOut } from '../notifications/citizen-opt-out.service.js';
import type { Deps } from '../shared/deps.js';
import { domainError } from '../shared/errors.js';
import { livePhoneSession, openPhoneSessionIn } from './phone-session.js';

/** A proved phone's session on 我的诉求 lives as long as the page is read, not longer. */
export const PHONE_SESSION_MINUTES = 30;

/**
 * After the one-time code proved the phone (我的诉求): a session token for the citizen's own choices
 * on that page, and whether the phone has opted out of SMS notices.
 */
export async function openPhoneSession(
  deps: Pick<Deps, 'db' | 'clock'>,
  centreId: string,
  phone: string,
): Promise<{ session: string } & PortalNoticeChoice> {
  const token = await openPhoneSessionIn(deps, 'portal_phone_sessions', {
    centreId,
    phone,
    lifetimeMs: PHONE_SESSION_MINUTES * 60_000,
  });
  return { session: token, smsOptedOut: await isOptedOut(deps.db, centreId, phone) };
}

/** 不再接收短信通知 (or again): the phone of the session, as its owner chose (401 without a live session). */
export async function setMySmsOptOut(
  deps: Pick<Deps, 'db' | 'clock'>,
  token: string | undefined,
  optedOut: boolean,
): Promise<PortalNoticeChoice> {
  const session = await livePhoneSession(deps, 'portal_phone_sessions', token);
  if (!session) throw domainError('UNAUTHENTICATED', 'portal.phoneSessionExpired');
  return setOwnOptOut(deps.db, { centreId: session.centre_id, phone: session.phone, optedOut, at: deps.clock.now() });
}
