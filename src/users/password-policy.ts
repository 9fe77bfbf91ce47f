import type { MessageKey } from '../i18n/messages.js';
import { COMMON_PASSWORDS } from './common-passwords.js';

/** The password policy's settings (src/config: LIANXIN_PASSWORD_MIN_LENGTH, LIANXIN_PASSWORD_MAX_AGE_DAYS). */
export interface PasswordPolicy {
  passwordMinLength: number;
  passwordMaxAgeDays: number;
}

const CLASSES = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/];

/**
 * Why a new password is refused, or null (等保 身份鉴别 a: 口令复杂度): at least the configured length, three
 * of the four classes (lower, upper, digit, other), not containing the username, not a common
 * password (bundled list, compared lower-cased). Pure.
 */
export function passwordProblem(password: string, username: string, policy: PasswordPolicy): MessageKey | null {
  if (password.length < policy.passwordMinLength) return 'password.tooShort';
  if (CLASSES.filter((c) => c.test(password)).length < 3) return 'password.classes';
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) return 'password.username';
  if (COMMON_PASSWORDS.has(password.toLowerCase())) return 'password.common';
  return null;
}

/** True when the password set at `changedAt` is past the configured age (0 days = never). */
export function passwordExpired(changedAt: Date, now: Date, policy: PasswordPolicy): boolean {
  return policy.passwordMaxAgeDays > 0 && now.getTime() - changedAt.getTime() >= policy.passwordMaxAgeDays * 86_400_000;
}
