import { createHmac, timingSafeEqual } from 'node:crypto';
import type { HttpSmsConfig } from '../../config/notice-config.js';
import { PermanentSendError, type DeliveryReport, type NoticeProvider, type OutgoingNotice } from './provider.js';

/** HMAC-SHA256 over `timestamp.body`, hex: what the gateway checks and what its reports carry. */
export const gatewaySignature = (secret: string, timestamp: string, body: string) =>
  createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

const statusIsPermanent = (status: number) => status >= 400 && status < 500 && status !== 408 && status !== 429;

/**
 * SMS through an HTTP gateway whose request is configured: JSON or form body, the field names of
 * number, text and key, the field of the answer holding the gateway's message id, an HMAC signature
 * (X-Timestamp, X-Signature) and an Idempotency-Key header (the gateway's de-duplication key).
 */
export function httpSmsProvider(c: HttpSmsConfig): NoticeProvider {
  return {
    name: 'http',
    channel: 'sms',
    async send(n: OutgoingNotice) {
      const fields: Record<string, string> = {
        [c.fields.to]: n.to,
        [c.fields.text]: n.body,
        [c.fields.key]: n.idempotencyKey,
      };
      const body = c.format === 'json' ? JSON.stringify(fields) : new URLSearchParams(fields).toString();
      const timestamp = String(n.at.getTime());
      const headers: Record<string, string> = {
        'content-type': c.format === 'json' ? 'application/json' : 'application/x-www-form-urlencoded',
        'idempotency-key': n.idempotencyKey,
      };
      if (c.secret) {
        headers['x-timestamp'] = timestamp;
        headers['x-signature'] = gatewaySignature(c.secret, timestamp, body);
      }
      const response = await fetch(c.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(c.timeoutMs) });
      const answer = await response.text();
      if (!response.ok) {
        const message = `SMS gateway answered HTTP ${response.status}: ${answer.slice(0, 200)}`;
        throw statusIsPermanent(response.status) ? new PermanentSendError(message) : new Error(message);
      }
      let id: unknown;
      try {
        id = (JSON.parse(answer) as Record<string, unknown>)[c.idField];
      } catch {
        throw new Error(`SMS gateway answer is not JSON: ${answer.slice(0, 200)}`);
      }
      if (typeof id !== 'string' && typeof id !== 'number') throw new Error(`SMS gateway answer has no "${c.idField}"`);
      return { providerId: String(id) };
    },
  };
}

/** Checks a report's signature (when a secret is set) and reads its entries (one object or an array). */
export function readHttpSmsReport(
  c: HttpSmsConfig,
  raw: string,
  headers: { timestamp?: string; signature?: string },
): DeliveryReport[] | null {
  if (c.secret) {
    const expected = gatewaySignature(c.secret, headers.timestamp ?? '', raw);
    const given = headers.signature ?? '';
    if (given.length !== expected.length || !timingSafeEqual(Buffer.from(given), Buffer.from(expected))) return null;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return [];
  }
  const entries = (Array.isArray(parsed) ? parsed : [parsed]) as Record<string, unknown>[];
  return entries.flatMap((e) => {
    const id = e?.[c.report.idField];
    const status = e?.[c.report.statusField];
    if ((typeof id !== 'string' && typeof id !== 'number') || typeof status !== 'string') return [];
    const delivered = c.report.delivered.includes(status);
    return [{ providerId: String(id), delivered, error: delivered ? null : status }];
  });
}
