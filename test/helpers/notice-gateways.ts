import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One request the loopback SMS gateway received. */
export interface GatewayHit {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The parsed fields (JSON, form or query). */
  fields: Record<string, string>;
  at: number;
}

/**
 * A real HTTP server on loopback playing an SMS gateway: it answers `{id}` (or Aliyun's
 * `{Code:'OK',BizId}`), de-duplicates by the Idempotency-Key header (or OutId) like a gateway that
 * supports one (`delivered` counts each key once), and can be told to fail or to stall.
 */
export async function startSmsGateway(opts: { style?: 'http' | 'aliyun' } = {}) {
  const hits: GatewayHit[] = [];
  const delivered = new Map<string, { id: string; fields: Record<string, string> }>();
  const state = { failNext: 0, failStatus: 503, stallNext: 0, stallMs: 0, delayMs: 0 };
  let seq = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const fields: Record<string, string> =
        req.method === 'GET'
          ? Object.fromEntries(url.searchParams)
          : String(req.headers['content-type']).includes('json')
            ? (JSON.parse(body || '{}') as Record<string, string>)
            : Object.fromEntries(new URLSearchParams(body));
      hits.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body, fields, at: performance.now() });
      // Whether this request fails is decided when it arrives (a stalled one answers late, but never fails).
      const stalled = state.stallNext > 0;
      const fails = !stalled && state.failNext > 0;
      if (fails) state.failNext -= 1;
      const answer = () => {
        if (fails) {
          res.writeHead(state.failStatus, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'busy' }));
          return;
        }
        const key = String(req.headers['idempotency-key'] ?? fields.OutId ?? `k${seq}`);
        let entry = delivered.get(key);
        if (!entry) {
          entry = { id: `gw-${++seq}`, fields };
          delivered.set(key, entry);
        }
        const json = opts.style === 'aliyun' ? { Code: 'OK', Message: 'OK', BizId: entry.id, RequestId: 'r' } : { id: entry.id };
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(json));
      };
      if (stalled) {
        state.stallNext -= 1;
        setTimeout(answer, state.stallMs);
      } else if (state.delayMs > 0) setTimeout(answer, state.delayMs);
      else answer();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
  return {
    url,
    hits,
    delivered,
    state,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
  secure: boolean;
  at: number;
}

/** A real SMTP server (npm smtp-server) on loopback that keeps every message it receives. */
export async function startSmtpServer(opts: { key?: string; cert?: string; secure?: boolean } = {}) {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    secure: opts.secure ?? false,
    key: opts.key,
    cert: opts.cert,
    authOptional: true,
    disabledCommands: opts.key ? [] : ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
          secure: session.secure,
          at: performance.now(),
        });
        callback();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.server.address() as AddressInfo).port;
  return { port, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}
