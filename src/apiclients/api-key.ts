import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * An API key is `lx_<prefix>_<secret>`: the prefix (8 hex characters, public, unique) finds the row,
 * the whole key's SHA-256 is what is stored. A key is 160 random bits, so a plain hash is enough: no
 * slow hash is needed against guessing (ADR 0180), and checking a key costs microseconds per request.
 */
const KEY_PATTERN = /^lx_([0-9a-f]{8})_([A-Za-z0-9_-]{27})$/;

export const hashApiKey = (key: string) => createHash('sha256').update(key).digest('hex');

export function newApiKey(): { key: string; prefix: string; hash: string } {
  const prefix = randomBytes(4).toString('hex');
  const key = `lx_${prefix}_${randomBytes(20).toString('base64url')}`;
  return { key, prefix, hash: hashApiKey(key) };
}

/** The prefix of a well-formed key; undefined for anything else (refused before any query). */
export const apiKeyPrefix = (key: string): string | undefined => KEY_PATTERN.exec(key)?.[1];

export function sameKeyHash(key: string, storedHash: string): boolean {
  const a = Buffer.from(hashApiKey(key), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
