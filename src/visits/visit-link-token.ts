import { createHash, randomBytes } from 'node:crypto';

/**
 * A link's token: 128 random bits, base64url (22 characters, short enough for one SMS). Only its
 * SHA-256 is stored, so neither a database copy nor a backup opens anyone's rating page.
 */
export const newVisitToken = (): string => randomBytes(16).toString('base64url');

export const hashVisitToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** The citizen's page for a token: the portal's route /portal/v/:token (web/src/portal/PortalApp.tsx). */
export const visitLinkUrl = (publicUrl: string, token: string): string => `${publicUrl}/portal/v/${token}`;

/** Whether a string has a token's shape; anything else is answered 404 without a database read. */
export const isVisitToken = (s: string): boolean => /^[A-Za-z0-9_-]{22}$/.test(s);
