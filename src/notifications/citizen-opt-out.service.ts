import type { PortalNoticeChoice } from '../contract/citizen-notices.js';
import type { Executor } from '../db/database.js';
import { optedOutAddresses, setOptOut } from './citizen-notice.repository.js';

/** Whether a phone (digits) or e-mail address has opted out of the centre's notices. */
export async function isOptedOut(db: Executor, centreId: string, address: string): Promise<boolean> {
  return (await optedOutAddresses(db, centreId, [address])).has(address);
}

/**
 * The citizen's own choice, from the portal with a proved phone: no more SMS notices (or again).
 * Verification codes the citizen asks for still go (they are not notices).
 */
export async function setOwnOptOut(
  db: Executor,
  r: { centreId: string; phone: string; optedOut: boolean; at: Date },
): Promise<PortalNoticeChoice> {
  await setOptOut(db, { centreId: r.centreId, address: r.phone, optedOut: r.optedOut, source: 'portal', at: r.at });
  return { smsOptedOut: r.optedOut };
}
