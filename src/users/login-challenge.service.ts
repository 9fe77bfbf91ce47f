import { createHash, randomBytes } from 'node:crypto';
import type { Deps } from '../shared/deps.js';
import { findCentreMfaRoles, insertLoginChallenge } from './totp.repository.js';

/** How long the second step of a sign-in may take, and how many codes it may try (ADR 0156). */
export const CHALLENGE_MINUTES = 5;
export const CHALLENGE_ATTEMPTS = 5;

export const hashChallenge = (token: string) => createHash('sha256').update(token).digest('hex');

/** True when one of the user's roles must sign in with TOTP at this centre (null rule = every role). */
export function mustUseTotp(roles: readonly string[], required: readonly string[] | null): boolean {
  return required === null || roles.some((r) => required.includes(r));
}

/** After a right password: 'totp' when the account has TOTP, 'enrol' when its centre requires it, else null. */
export async function secondStepDue(
  deps: Deps,
  user: { centre_id: string; roles: string[]; totp_secret: string | null },
): Promise<'totp' | 'enrol' | null> {
  if (user.totp_secret) return 'totp';
  return mustUseTotp(user.roles, await findCentreMfaRoles(deps.db, user.centre_id)) ? 'enrol' : null;
}

/** A short-lived challenge for the second step; only its hash is stored. */
export async function openLoginChallenge(deps: Deps, userId: string, kind: 'totp' | 'enrol') {
  const challenge = randomBytes(32).toString('base64url');
  const at = deps.clock.now();
  const expiresAt = new Date(at.getTime() + CHALLENGE_MINUTES * 60_000);
  await insertLoginChallenge(deps.db, { tokenHash: hashChallenge(challenge), userId, kind, at, expiresAt });
  return { challenge, expiresAt };
}
