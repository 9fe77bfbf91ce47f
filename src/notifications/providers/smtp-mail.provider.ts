import nodemailer from 'nodemailer';
import type { NoticeProvider, OutgoingNotice } from './provider.js';
import { PermanentSendError } from './provider.js';

export interface SmtpSettings {
  /** smtp://user:pass@host:587 (STARTTLS when offered; ?requireTLS=true insists) or smtps://host:465 (TLS). */
  readonly url: string;
  readonly from: string;
  /** PEM of a private CA the server's certificate is signed by (besides the system's). */
  readonly ca: string | undefined;
  readonly timeoutMs: number;
}

/**
 * E-mail through any SMTP server with nodemailer (URL configured, TLS). The Message-ID is derived
 * from the notice's idempotency key, so a repeat after a crash is the same message to the receiver.
 */
export function smtpMailProvider(s: SmtpSettings): NoticeProvider {
  // Pooled: a burst of notices reuses a few open connections instead of a TLS handshake per message.
  const transport = nodemailer.createTransport({
    url: s.url,
    pool: true,
    maxConnections: 4,
    tls: s.ca ? { ca: s.ca } : undefined,
    connectionTimeout: s.timeoutMs,
    greetingTimeout: s.timeoutMs,
    socketTimeout: s.timeoutMs,
  } as never);
  const domain = s.from.split('@')[1]?.replace(/[>\s]/g, '') || 'lianxin.local';
  return {
    name: 'smtp',
    channel: 'email',
    async send(n: OutgoingNotice) {
      const messageId = `<${n.idempotencyKey.replace(/[^\w.-]/g, '.')}@${domain}>`;
      try {
        const info = (await transport.sendMail({
          from: s.from,
          to: n.to,
          subject: n.subject ?? '',
          text: n.body,
          messageId,
          headers: { 'X-Lianxin-Notice': n.idempotencyKey },
        })) as { messageId?: string; rejected?: unknown[] };
        return { providerId: info.messageId ?? messageId };
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        // 5xx: the server refuses for good (no such mailbox); anything else is worth a retry.
        if (code && code >= 500 && code < 600) throw new PermanentSendError(`SMTP ${code}: ${(error as Error).message}`);
        throw error;
      }
    },
    close: () => transport.close(),
  };
}
