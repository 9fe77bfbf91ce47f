import { signWebhook, WEBHOOK_HEADERS } from './webhook-signature.js';

export interface AttemptResult {
  ok: boolean;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
}

const causeOf = (e: unknown): string => {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (e instanceof Error ? e.message : String(e));
};

/**
 * One signed POST (ADR 0182). The timestamp is this attempt's (the injected clock's), signed with the
 * exact body bytes sent; the delivery id is the same for every attempt. Only a 2xx answer is a
 * delivery: a redirect is not followed (a receiver's address is the one the administrator typed).
 */
export async function postSigned(
  target: { url: string; secret: string; webhookId: string },
  delivery: { deliveryId: string; event: string; body: Record<string, unknown> },
  options: { now: Date; timeoutMs: number },
): Promise<AttemptResult> {
  const body = JSON.stringify(delivery.body);
  const timestamp = String(Math.floor(options.now.getTime() / 1000));
  const started = performance.now();
  const took = () => Math.round(performance.now() - started);
  try {
    const response = await fetch(target.url, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'user-agent': 'lianxin-webhooks/1',
        [WEBHOOK_HEADERS.event]: delivery.event,
        [WEBHOOK_HEADERS.delivery]: delivery.deliveryId,
        [WEBHOOK_HEADERS.timestamp]: timestamp,
        [WEBHOOK_HEADERS.signature]: signWebhook(target.secret, timestamp, body),
        [WEBHOOK_HEADERS.webhook]: target.webhookId,
      },
      body,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    await response.body?.cancel().catch(() => undefined);
    const ok = response.status >= 200 && response.status < 300;
    return { ok, statusCode: response.status, durationMs: took(), error: ok ? null : `HTTP ${response.status}` };
  } catch (e) {
    const timedOut = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
    const error = timedOut ? `timeout after ${options.timeoutMs} ms` : causeOf(e);
    return { ok: false, statusCode: null, durationMs: took(), error: error.slice(0, 500) };
  }
}
