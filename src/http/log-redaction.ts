import type { FastifyRequest } from 'fastify';

// The request log never holds a full phone number (ADR 0172): a query value under a key that names a
// phone is masked whole, and any run of 7 or more digits in any other query value (a search for a
// number, say) keeps only its first 3 and last 4 digits. Paths carry ids and order numbers only.

const PHONE_KEY = /phone|mobile|tel|caller|number/i;
const maskDigits = (digits: string) => `${digits.slice(0, 3)}****${digits.slice(-4)}`;
const maskRuns = (value: string) => value.replace(/\d{7,}/g, maskDigits);
const maskWhole = (value: string) => {
  const digits = value.replace(/\D/g, '');
  return digits.length >= 7 ? maskDigits(digits) : '****';
};

/** The URL as the log may keep it. */
export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const params = new URLSearchParams(url.slice(at + 1));
  const out = new URLSearchParams();
  for (const [key, value] of params) out.append(key, PHONE_KEY.test(key) ? maskWhole(value) : maskRuns(value));
  return `${url.slice(0, at)}?${out.toString()}`;
}

/** Pino's request serializer for Fastify: what its default keeps, with the URL redacted. */
export const requestLogSerializer = (request: FastifyRequest) => ({
  method: request.method,
  url: redactUrl(request.url),
  hostname: request.hostname,
  remoteAddress: request.ip,
  remotePort: request.socket?.remotePort,
});
