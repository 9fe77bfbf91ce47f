import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The headers of every delivery (ADR 0182). */
export const WEBHOOK_HEADERS = {
  event: 'x-lianxin-event',
  /** The same for every attempt of one delivery: the receiver's idempotency key. */
  delivery: 'x-lianxin-delivery',
  /** Unix seconds of this attempt; signed with the body, so a replay cannot move it. */
  timestamp: 'x-lianxin-timestamp',
  signature: 'x-lianxin-signature',
  /** Which subscription sent it (a receiver with several subscriptions picks the secret by it). */
  webhook: 'x-lianxin-webhook',
} as const;

/** A receiver refuses a delivery signed longer ago than this (or this far in the future). */
export const REPLAY_TOLERANCE_SECONDS = 300;

/** A new signing secret: 32 random bytes, shown once (`whsec_` + base64url). */
export const newWebhookSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

/** `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">` with the secret (its UTF-8 bytes) as the key. */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export type WebhookCheck = { ok: true } | { ok: false; reason: 'missing' | 'stale' | 'signature' };

/**
 * What a receiver does (the ADR's snippet is this function): the signature over the exact bytes
 * received, compared in constant time, and a timestamp within five minutes of the receiver's clock.
 */
export function verifyWebhook(input: {
  secret: string;
  body: string;
  timestamp: string | undefined;
  signature: string | undefined;
  nowMs: number;
  toleranceSeconds?: number;
}): WebhookCheck {
  const { timestamp, signature } = input;
  if (!timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'missing' };
  const age = Math.abs(input.nowMs / 1000 - Number(timestamp));
  if (age > (input.toleranceSeconds ?? REPLAY_TOLERANCE_SECONDS)) return { ok: false, reason: 'stale' };
  const expected = Buffer.from(signWebhook(input.secret, timestamp, input.body));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'signature' };
  return { ok: true };
}
