import type { Role } from './vocabulary.js';

/** The answers of sign-in's second step and of the user's own security page (issue 15, ADR 0156). */

/** POST /api/auth/login when a second step is due: the challenge to send with the code or the enrolment. */
export interface SignInChallengeView<D = string> {
  mfa: 'totp' | 'enrol';
  challenge: string;
  expiresAt: D;
}

/** A session opened (the cookie is set; the token in the body only for an API client that asked, `bearer`). */
export interface SessionView<D = string> {
  token?: string;
  expiresAt: D;
}

/** A new TOTP secret to scan: the QR code as a data: URL, and the secret to type by hand. */
export interface TotpEnrolmentView {
  secret: string;
  otpauthUrl: string;
  qrDataUrl: string;
}

/** Enrolment confirmed: the recovery codes, shown this once; `expiresAt` when a sign-in finished with it. */
export interface TotpConfirmedView<D = string> {
  recoveryCodes: string[];
  expiresAt?: D;
}

export interface SignInHistoryItem<D = string> {
  at: D;
  /** auth.login, auth.login.failed, auth.login.locked */
  outcome: string;
  ip: string | null;
}

export interface MySecurityView<D = string> {
  totpEnabled: boolean;
  recoveryCodesLeft: number;
  signIns: SignInHistoryItem<D>[];
}

/**
 * The centre's rule of who must sign in with TOTP (GET/PUT /api/users/mfa-policy, the security
 * administrator). `roles` lists the roles that must; `undecided` says the centre never chose, and
 * then every role must (the default of a new or upgraded centre, ADR 0156 amendment).
 */
export interface MfaPolicyView {
  roles: Role[];
  undecided: boolean;
}
