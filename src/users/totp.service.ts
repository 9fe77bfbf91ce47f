import { createHash, randomBytes } from 'node:crypto';
import { authenticator } from 'otplib';
import QRCode from 'qrcode';
import { logPiiAccess } from '../accesslog/pii-access-log.repository.js';
import type { Deps } from '../shared/deps.js';
import { domainError, forbidden, notFound } from '../shared/errors.js';
import { forgetCachedSessions, openSession } from './auth.service.js';
import { CHALLENGE_ATTEMPTS, hashChallenge } from './login-challenge.service.js';
import { recordSignInFailure, recordSignInSuccess } from './login-guard.service.js';
import { can } from './permissions.js';
import type { Actor } from './roles.js';
import { sessionsChanged } from './session-events.js';
import {
  claimTotpStep,
  clearTotp,
  confirmTotpSecret,
  countUnusedRecoveryCodes,
  deleteLoginChallenge,
  findMfaUser,
  listSignIns,
  replaceRecoveryCodes,
  setPendingTotpSecret,
  takeLoginChallenge,
  useRecoveryCode,
} from './totp.repository.js';
import { deleteUserSessions, findUser } from './user.repository.js';

/**
 * TOTP two-factor sign-in (RFC 6238: 30 s steps, 6 digits, SHA-1 as every authenticator app reads it;
 * otplib), ADR 0156. A code is accepted one step either side of the injected clock, and only once
 * (the last step used is kept). Ten one-use recovery codes are shown once and kept as hashes.
 */
const STEP_SECONDS = 30;
const RECOVERY_CODES = 10;
const ISSUER = 'lianxin 连心桥';

const totpAt = (deps: Deps) => authenticator.clone({ epoch: deps.clock.now().getTime(), window: 1, step: STEP_SECONDS });
const stepOf = (deps: Deps, delta: number) => Math.floor(deps.clock.now().getTime() / 1000 / STEP_SECONDS) + delta;
const hashRecovery = (code: string) => createHash('sha256').update(code.replace(/[\s-]/g, '').toUpperCase()).digest('hex');
const newRecoveryCode = () => {
  const raw = randomBytes(8).toString('hex').toUpperCase().slice(0, 10);
  return `${raw.slice(0, 5)}-${raw.slice(5)}`;
};

/** The step a code belongs to when it is right for `secret` now (± one step), else null. */
function matchingStep(deps: Deps, secret: string, code: string): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpAt(deps).checkDelta(code, secret);
  return delta === null ? null : stepOf(deps, delta);
}

async function audit(deps: Deps, user: { id: string; username: string; centre_id: string }, purpose: string, detail = {}) {
  await logPiiAccess(deps.db, {
    userId: user.id,
    orderId: null,
    fields: [],
    purpose,
    at: deps.clock.now(),
    centreId: user.centre_id,
    subject: user.username,
    detail,
  });
}

async function challengeUser(deps: Deps, challenge: string, kind: 'totp' | 'enrol') {
  const taken = await takeLoginChallenge(deps.db, hashChallenge(challenge), deps.clock.now(), CHALLENGE_ATTEMPTS);
  if (!taken || taken.kind !== kind) throw domainError('UNAUTHENTICATED', 'error.challengeExpired');
  const user = await findMfaUser(deps.db, taken.user_id);
  if (!user) throw domainError('UNAUTHENTICATED', 'error.challengeExpired');
  return user;
}

/** The second step of a sign-in: a TOTP code or an unused recovery code → the session. */
export async function verifySecondStep(
  deps: Deps,
  input: { challenge: string; code?: string; recoveryCode?: string; ip: string },
) {
  const user = await challengeUser(deps, input.challenge, 'totp');
  let how: 'totp' | 'recovery' | null = null;
  if (input.code && user.totp_secret) {
    const step = matchingStep(deps, user.totp_secret, input.code);
    if (step !== null && (await claimTotpStep(deps.db, user.id, step))) how = 'totp';
  } else if (input.recoveryCode) {
    if (await useRecoveryCode(deps.db, user.id, hashRecovery(input.recoveryCode), deps.clock.now())) how = 'recovery';
  }
  if (!how) {
    // A wrong second factor counts like a wrong password (throttle and lockout).
    await recordSignInFailure(deps, { username: user.username, ip: input.ip }, user, 'totp');
    throw domainError('UNAUTHENTICATED', 'error.badTotp');
  }
  await deleteLoginChallenge(deps.db, hashChallenge(input.challenge));
  const session = await openSession(deps, user, input.ip, { mfa: how });
  await recordSignInSuccess(deps, { username: user.username, ip: input.ip }, user.id);
  return session;
}

/** Whose enrolment: the challenge's user (sign-in of an account that must enrol) or the signed-in user. */
async function enrollingUser(deps: Deps, who: { challenge?: string; userId?: string | null }) {
  if (who.challenge) return challengeUser(deps, who.challenge, 'enrol');
  const user = who.userId ? await findMfaUser(deps.db, who.userId) : undefined;
  if (!user) throw domainError('UNAUTHENTICATED', 'error.unauthenticated');
  return user;
}

/** A new secret to scan (QR code) or type; it becomes the account's when a code from it is confirmed. */
export async function startEnrolment(deps: Deps, who: { challenge?: string; userId?: string | null }) {
  const user = await enrollingUser(deps, who);
  const secret = authenticator.generateSecret(20);
  await setPendingTotpSecret(deps.db, user.id, secret);
  const otpauthUrl = authenticator.keyuri(user.username, `${ISSUER} ${user.centre_name}`, secret);
  return { secret, otpauthUrl, qrDataUrl: await QRCode.toDataURL(otpauthUrl, { margin: 1, width: 220 }) };
}

/**
 * Confirms the pending secret with a code from it: TOTP is on, ten recovery codes are made (shown
 * this once). During a sign-in (a challenge) the session opens as well.
 */
export async function confirmEnrolment(
  deps: Deps,
  who: { challenge?: string; userId?: string | null; ip: string },
  code: string,
) {
  const user = await enrollingUser(deps, who);
  if (!user.totp_pending_secret) throw domainError('CONFLICT', 'error.totpNotPending');
  const step = matchingStep(deps, user.totp_pending_secret, code);
  if (step === null) throw domainError('VALIDATION', 'error.badTotp', {}, { field: 'code' });
  const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
  await deps.db.transaction().execute(async (tx) => {
    // The enrolment's code proves the secret was copied; it does not use up its step, so the first
    // sign-in within the same 30 s takes that code once (then the step is used, as at any sign-in).
    const lastUsed = step - 1;
    if (!(await confirmTotpSecret(tx, user.id, deps.clock.now(), lastUsed)))
      throw domainError('CONFLICT', 'error.totpNotPending');
    await replaceRecoveryCodes(tx, user.id, codes.map(hashRecovery));
  });
  await audit(deps, user, 'auth.totp.enrolled', { ip: who.ip });
  if (!who.challenge) return { recoveryCodes: codes };
  await deleteLoginChallenge(deps.db, hashChallenge(who.challenge));
  const session = await openSession(deps, user, who.ip, { mfa: 'enrolled' });
  await recordSignInSuccess(deps, { username: user.username, ip: who.ip }, user.id);
  return { recoveryCodes: codes, session };
}

/** The security administrator clears an account's TOTP (lost phone): it enrols again at its next sign-in. */
export async function resetUserTotp(deps: Deps, actor: Actor, userId: string) {
  if (!can(actor, 'user.manage')) throw forbidden();
  if (userId === actor.userId) throw forbidden('user.selfReset');
  const user = await findUser(deps.db, actor.centreId, userId);
  if (!user) throw notFound('user');
  await deps.db.transaction().execute(async (tx) => {
    await clearTotp(tx, user.id);
    await deleteUserSessions(tx, user.id);
    await logPiiAccess(tx, {
      userId: actor.userId,
      orderId: null,
      fields: [],
      purpose: 'admin.user.totp.reset',
      at: deps.clock.now(),
      centreId: actor.centreId,
      subject: user.username,
      detail: { userId: user.id },
    });
  });
  forgetCachedSessions();
  sessionsChanged(user.id);
  return { ok: true as const };
}

/** The signed-in user's own security page: TOTP state, recovery codes left, recent sign-ins. */
export async function mySecurity(deps: Deps, userId: string) {
  const user = await findMfaUser(deps.db, userId);
  if (!user) throw notFound('user');
  const signIns = await listSignIns(deps.db, userId, 20);
  return {
    totpEnabled: user.totp_secret !== null,
    recoveryCodesLeft: user.totp_secret ? await countUnusedRecoveryCodes(deps.db, userId) : 0,
    signIns: signIns.map((s) => ({
      at: new Date(s.at),
      outcome: s.purpose,
      ip: typeof (s.detail as { ip?: unknown } | null)?.ip === 'string' ? (s.detail as { ip: string }).ip : null,
    })),
  };
}
