/**
 * PostgreSQL error classes the application answers itself (the same codes from pg and PGlite).
 * 23505: a unique key refused a row — e.g. a check-then-insert that lost a race.
 * 40P01 / 40001: the transaction was chosen as a deadlock victim or could not be serialised; it was
 * rolled back whole, and trying again is the answer.
 * Class 22 (data exception: a number out of a column's range, a text the column cannot hold): the
 * value came from the request and got past its schema; the statement failed, its transaction rolled
 * back, and the client is told its input is at fault (a backstop; shared/safe-input.ts and the
 * schemas refuse such input first).
 */
const codeOf = (error: unknown): unknown => (error as { code?: unknown } | null)?.code;

export const isUniqueViolation = (error: unknown): boolean => codeOf(error) === '23505';

export const isRetryableConflict = (error: unknown): boolean => codeOf(error) === '40P01' || codeOf(error) === '40001';

export const isDataException = (error: unknown): boolean => {
  const code = codeOf(error);
  return typeof code === 'string' && code.startsWith('22');
};
