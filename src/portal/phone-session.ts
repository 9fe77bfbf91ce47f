import { createHash, randomBytes } from 'node:crypto';
import type { Deps } from '../shared/deps.js';
import {
  deleteExpiredPhoneSessions,
  findPhoneSession,
  insertPhoneSession,
  type PhoneSessionTable,
} from './portal-phone-session.repository.js';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A session for a phone the one-time code has just proved; only the token's hash is stored. */
export async function openPhoneSessionIn(
  deps: Pick<Deps, 'db' | 'clock'>,
  table: PhoneSessionTable,
  session: { centreId: string; phone: string; lifetimeMs: number },
): Promise<string> {
  const at = deps.clock.now();
  await deleteExpiredPhoneSessions(deps.db, table, at);
  const token = randomBytes(32).toString('base64url');
  await insertPhoneSession(deps.db, table, {
    tokenHash: hashToken(token),
    centreId: session.centreId,
    phone: session.phone,
    at,
    expiresAt: new Date(at.getTime() + session.lifetimeMs),
  });
  return token;
}

/** The live session behind a token, or undefined (unknown, expired or no token). */
export async function livePhoneSession(
  deps: Pick<Deps, 'db' | 'clock'>,
  table: PhoneSessionTable,
  token: string | undefined,
): Promise<{ centre_id: string; phone: string } | undefined> {
  return token ? findPhoneSession(deps.db, table, hashToken(token), deps.clock.now()) : undefined;
}
