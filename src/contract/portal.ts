/**
 * The citizen portal's input rules, shared by the server's schema and the portal's form, so the form
 * counts and refuses exactly what the API would (issue 13: pasted text was cut silently).
 */
export const PORTAL_LIMITS = {
  title: 100,
  content: 5000,
  address: 300,
  callerName: 50,
  comment: 500,
} as const;

export type PortalLimitedField = keyof typeof PORTAL_LIMITS;

/**
 * A person's name: starts with a letter of any script, then letters, marks, spaces, the middle dot of
 * transliterated names (·), dots, apostrophes and hyphens — no digits, no `<`/`>`, no markup.
 * Written for JSON Schema (Ajv compiles patterns with the `u` flag).
 */
export const PERSON_NAME_PATTERN = "^\\s*\\p{L}[\\p{L}\\p{M}\\s·.'-]*$";

export const isPersonName = (value: string) => new RegExp(PERSON_NAME_PATTERN, 'u').test(value);

/** The one-time code that opens "my appeals": digits, its length, and how long it lives. */
export const PORTAL_OTP_LENGTH = 6;
