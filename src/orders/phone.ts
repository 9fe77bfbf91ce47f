/**
 * A caller's phone number as lianxin keeps it: digits only (a landline keeps its leading 0), without
 * the country code. Operators type 139-1234-5678, 139 1234 5678 or +86 13912345678 for one caller;
 * caller history, duplicate detection and the list filter compare numbers exactly, so every number is
 * normalised before it is stored and before it is looked up.
 */
export function normalizePhone(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const digits = raw
    .replace(/[\s-]/g, '')
    .replace(/^(\+86|0086)(?=\d{7,})/, '')
    .replace(/^\+/, '');
  return digits === '' ? null : digits;
}

/**
 * What a phone field accepts (the same rule in the console and the portal): digits with spaces or
 * dashes, an optional leading +, and 7–20 digits in all (12345 or 1---- is no number).
 */
export const PHONE_PATTERN = '^(?=(?:\\D*\\d){7,20}\\D*$)\\+?[0-9][0-9 -]*$';

/** PHONE_PATTERN as a RegExp, for the forms of the console and the portal. */
export const PHONE_REGEXP = new RegExp(PHONE_PATTERN, 'u');
