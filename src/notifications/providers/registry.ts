import type { NoticeConfig } from '../../config/notice-config.js';
import type { CitizenChannel } from '../../contract/citizen-notices.js';
import { aliyunSmsProvider } from './aliyun-sms.provider.js';
import { httpSmsProvider } from './http-sms.provider.js';
import type { NoticeProvider } from './provider.js';
import { RateLimiter } from './rate-limiter.js';
import { smtpMailProvider } from './smtp-mail.provider.js';

export interface ProviderSlot {
  readonly provider: NoticeProvider;
  readonly limiter: RateLimiter;
}
export type NoticeProviders = Readonly<Partial<Record<CitizenChannel, ProviderSlot>>>;

const built = new WeakMap<NoticeConfig, NoticeProviders>();

/** The configured providers of this process (one transport and one rate limit per provider), built once per config. */
export function noticeProviders(c: NoticeConfig): NoticeProviders {
  let p = built.get(c);
  if (!p) {
    const sms = c.sms ? (c.sms.kind === 'aliyun' ? aliyunSmsProvider(c.sms) : httpSmsProvider(c.sms)) : undefined;
    const email = c.mail ? smtpMailProvider(c.mail) : undefined;
    p = {
      ...(sms ? { sms: { provider: sms, limiter: new RateLimiter(c.smsRatePerSecond) } } : {}),
      ...(email ? { email: { provider: email, limiter: new RateLimiter(c.mailRatePerSecond) } } : {}),
    };
    built.set(c, p);
  }
  return p;
}

/** The provider name a notice records when it is written (none: held on the outbox page). */
export const providerNameFor = (c: NoticeConfig, channel: CitizenChannel): string =>
  channel === 'sms' ? (c.sms?.kind ?? 'none') : c.mail ? 'smtp' : 'none';

/** Closes pooled connections (the bench and tests end cleanly). */
export function closeNoticeProviders(c: NoticeConfig): void {
  const p = built.get(c);
  p?.sms?.provider.close?.();
  p?.email?.provider.close?.();
  built.delete(c);
}
