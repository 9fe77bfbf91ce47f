/**
 * PostgreSQL error classes the application answers itself (the same codes from pg and PGlite).
 * 23505: a unique key refused a row — e.g. a check-then-insert that lost a race.
 */
export const isUniqueViolation = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === '23505';
