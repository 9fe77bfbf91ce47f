// The loopback SMS gateway and SMTP server of the notices bench, in their own process (forked by
// bench/notices.bench.ts): a provider is another machine, so its CPU must not count against the
// worker's. The servers are the tests' own (test/helpers/notice-gateways.ts).
import { startSmsGateway, startSmtpServer } from '../test/helpers/notice-gateways.js';

/** What the bench asks: the arrivals since the last ask (key, epoch ms), or to stop. */
export type GatewayAsk = { kind: 'arrivals' } | { kind: 'close' };
export interface GatewayReady {
  url: string;
  smtpPort: number;
}
export interface GatewayArrivals {
  sms: [string, number][];
  mail: [string, number][];
  /** Requests on the wire, and distinct keys among them (a repeat would show as a difference). */
  smsRequests: number;
  smsKeys: number;
}

const gateway = await startSmsGateway();
const smtp = await startSmtpServer();
const epoch = (at: number) => performance.timeOrigin + at;
let smsSeen = 0;
let mailSeen = 0;

process.on('message', (ask: GatewayAsk) => {
  if (ask.kind === 'close') {
    void Promise.all([gateway.close(), smtp.close()]).then(() => process.exit(0));
    return;
  }
  const sms = gateway.hits.slice(smsSeen).map((h): [string, number] => [String(h.headers['idempotency-key']), epoch(h.at)]);
  const mail = smtp.received
    .slice(mailSeen)
    .map((m): [string, number] => [/^X-Lianxin-Notice: (.+)$/im.exec(m.raw)?.[1]?.trim() ?? '', epoch(m.at)]);
  smsSeen += sms.length;
  mailSeen += mail.length;
  const answer: GatewayArrivals = {
    sms,
    mail,
    smsRequests: gateway.hits.length,
    smsKeys: new Set(gateway.hits.map((h) => h.headers['idempotency-key'])).size,
  };
  process.send!(answer);
});
process.send!({ url: gateway.url, smtpPort: smtp.port } satisfies GatewayReady);
