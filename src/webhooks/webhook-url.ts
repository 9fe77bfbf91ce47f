import { isIP } from 'node:net';

const LOOPBACK_NAMES = new Set(['localhost', 'localhost.', '[::1]']);

/** A host that never leaves this machine: localhost, 127.0.0.0/8, ::1. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (LOOPBACK_NAMES.has(host) || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1';
}

export const MAX_WEBHOOK_URL = 2000;

/** Why a subscription URL is refused (each has its message, webhook.url.<reason>). */
export type WebhookUrlProblem = 'tooLong' | 'notUrl' | 'scheme' | 'credentials' | 'httpsRequired';

/**
 * Why a subscription URL is refused, or null when it is fine: http(s) only, no credentials in it, and
 * plain http only to this machine (a receiver beside the server, the demo's, a test's) unless the
 * installation allows it (LIANXIN_WEBHOOK_ALLOW_HTTP=true, for a closed government network).
 */
export function webhookUrlProblem(raw: string, allowHttp: boolean): WebhookUrlProblem | null {
  if (raw.length > MAX_WEBHOOK_URL) return 'tooLong';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'notUrl';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'scheme';
  if (url.username || url.password) return 'credentials';
  if (url.protocol === 'http:' && !allowHttp && !isLoopbackHost(url.hostname)) return 'httpsRequired';
  return null;
}
