import { domainError } from './errors.js';

/**
 * The one check, for every route, of what a schema cannot say: no NUL byte in any text (PostgreSQL's
 * text cannot hold one, and the database would answer with a fault — a 500), and no number that is
 * not finite or past the integers JavaScript holds exactly (query strings and JSON turn "1e309" and
 * 1e309 into Infinity, which passes an integer schema without a maximum). Applied to every request by
 * http/input-guard.ts and to multipart parts by their readers: a bad value is
 * a 400 naming the field, and nothing is written.
 */

type Problem = { field: string; kind: 'nul' | 'number' };

/** The first NUL byte or out-of-range number in `value`, with its dotted path under `where`. */
export function findUnsafeValue(value: unknown, where: string, depth = 0): Problem | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? { field: where, kind: 'nul' } : undefined;
  if (typeof value === 'number') {
    return Number.isFinite(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER ? undefined : { field: where, kind: 'number' };
  }
  if (value === null || typeof value !== 'object' || depth > 32 || Buffer.isBuffer(value)) return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const field = where ? `${where}.${key}` : key;
    if (key.includes('\u0000')) return { field: where || 'body', kind: 'nul' };
    const found = findUnsafeValue(inner, field, depth + 1);
    if (found) return found;
  }
  return undefined;
}

export function unsafeInputError(problem: Problem) {
  const key = problem.kind === 'nul' ? 'error.nulByte' : 'error.numberOutOfRange';
  return domainError('VALIDATION', key, { field: problem.field }, { field: problem.field });
}

/** Throws the 400 when a text or a number of the request cannot be stored as it is. */
export function assertSafeInput(value: unknown, where: string): void {
  const problem = findUnsafeValue(value, where);
  if (problem) throw unsafeInputError(problem);
}
