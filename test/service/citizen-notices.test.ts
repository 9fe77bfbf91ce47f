import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workerDeps } from '../helpers/worker.js';
import { useWorld } from '../helpers/use-world.js';
import { act, newOrder } from '../helpers/orders.js';
import { startSmsGateway, startSmtpServer } from '../helpers/notice-gateways.js';
import { drainOutbox } from '../../src/worker/outbox-dispatcher.service.js';
import { outboxHandlers } from '../../src/worker/outbox-topics.js';
import { applyDeliveryReport, setOptOut, upsertContact } from '../../src/notifications/citizen-notice.repository.js';
import { gatewaySignature, readHttpSmsReport } from '../../src/notifications/providers/http-sms.provider.js';
import { aliyunSign, readAliyunReport } from '../../src/notifications/providers/aliyun-sms.provider.js';
import { loadConfig, type Config } from '../../src/config/config.js';
import type { HttpSmsConfig } from '../../src/config/notice-config.js';
import type { Order } from '../../src/db/schema.js';

const { database, w } = useWorld();
const gateway = { current: undefined as Awaited<ReturnType<typeof startSmsGateway>> | undefined };
const aliyun = { current: undefined as Awaited<ReturnType<typeof startSmsGateway>> | undefined };
const smtp = { current: undefined as Awaited<ReturnType<typeof startSmtpServer>> | undefined };
let caFile = '';
let tmp = '';

beforeAll(async () => {
  gateway.current = await startSmsGateway();
  aliyun.current = await startSmsGateway({ style: 'aliyun' });
  // A certificate for 127.0.0.1, its own CA: the SMTP server offers STARTTLS with it.
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-smtp-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      path.join(tmp, 'key.pem'),
      '-out',
      path.join(tmp, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  caFile = path.join(tmp, 'cert.pem');
  smtp.current = await startSmtpServer({
    key: fs.readFileSync(path.join(tmp, 'key.pem'), 'utf8'),
    cert: fs.readFileSync(caFile, 'utf8'),
  });
});
afterAll(async () => {
  await gateway.current?.close();
  await aliyun.current?.close();
  await smtp.current?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const SECRET = 'gateway-secret-0123456789';
const httpEnv = (extra: Record<string, string> = {}) => ({
  LIANXIN_SMS_PROVIDER: 'http',
  LIANXIN_SMS_URL: gateway.current!.url,
  LIANXIN_SMS_SECRET: SECRET,
  LIANXIN_SMS_FIELDS: 'to=mobile,text=content,key=msgid',
  LIANXIN_SMS_ID_FIELD: 'id',
  ...extra,
});
const logs: string[] = [];
const drain = (env: Record<string, string> = {}) => drainOutbox(workerDeps(w.deps, env, logs), { handlers: outboxHandlers });
const noticesOf = (order: Order) =>
  database.db.selectFrom('citizen_notices').selectAll().where('order_id', '=', order.id).orderBy('id').execute();

describe('notices to the citizen', () => {
  it('without a configured channel keeps the receipt for staff (held), with number and query code but no content', async () => {
    const order = await newOrder(w);
    await drain();
    const [n] = await noticesOf(order);
    expect(n).toMatchObject({
      event: 'accepted',
      channel: 'sms',
      status: 'held',
      reason: 'no_sms_channel',
      recipient: '13812341234',
    });
    expect(n.body).toContain(order.order_no);
    expect(n.body).toContain(order.query_code);
    expect(n.body).not.toContain('暖气');
    expect(n.body).not.toContain('张三');
  });

  it('posts a signed SMS to the HTTP gateway once, records the gateway id, and takes its delivery report', async () => {
    const gw = gateway.current!;
    const before = gw.hits.length;
    const order = await newOrder(w, { title: '楼道灯不亮请维修', content: '三号楼二单元楼道灯坏了一个月' });
    await drain(httpEnv());
    await drain(httpEnv()); // nothing more to send
    const hits = gw.hits.slice(before);
    expect(hits).toHaveLength(1);
    const hit = hits[0];
    expect(hit.fields.mobile).toBe('13812341234');
    expect(hit.fields.content).toContain(order.query_code);
    // Confidentiality, asserted on the body the gateway received.
    for (const secret of ['楼道灯', '三号楼', '张三']) expect(hit.body).not.toContain(secret);
    expect(hit.headers['x-signature']).toBe(gatewaySignature(SECRET, String(hit.headers['x-timestamp']), hit.body));
    expect(hit.headers['idempotency-key']).toBe(`${order.id}:accepted:sms`);
    const [n] = await noticesOf(order);
    expect(n.status).toBe('sent');
    expect(n.provider).toBe('http');
    expect(n.provider_id).toMatch(/^gw-\d+$/);

    const config = loadConfig(httpEnv()).notices.sms as HttpSmsConfig;
    const report = JSON.stringify([{ id: n.provider_id, status: 'DELIVRD' }]);
    expect(readHttpSmsReport(config, report, { timestamp: '1', signature: 'forged' })).toBeNull();
    const entries = readHttpSmsReport(config, report, { timestamp: '1', signature: gatewaySignature(SECRET, '1', report) })!;
    expect(entries).toEqual([{ providerId: n.provider_id, delivered: true, error: null }]);
    expect(await applyDeliveryReport(database.db, { provider: 'http', ...entries[0], at: w.clock.now() })).toBe(1);
    expect((await noticesOf(order))[0]).toMatchObject({ status: 'delivered' });
  });

  it('retries a failing and a stalled gateway with backoff, and gives up at once on a refusal', async () => {
    const gw = gateway.current!;
    gw.state.failNext = 1;
    gw.state.failStatus = 503;
    const env = httpEnv({ LIANXIN_SMS_TIMEOUT_MS: '300' });
    const order = await newOrder(w);
    await drain(env); // 503
    let [n] = await noticesOf(order);
    expect(n).toMatchObject({ status: 'queued', attempts: 1 });
    expect(n.last_error).toContain('503');
    const row = () =>
      database.db.selectFrom('outbox').selectAll().where('dedupe_key', '=', `citizen.send:${n.id}`).executeTakeFirstOrThrow();
    expect((await row()).available_at.getTime() - w.clock.now().getTime()).toBe(30_000);
    gw.state.stallNext = 1;
    gw.state.stallMs = 1500;
    w.clock.advance(30_000);
    await drain(env); // stalls past the timeout
    [n] = await noticesOf(order);
    expect(n).toMatchObject({ status: 'queued', attempts: 2 });
    expect(n.last_error).toMatch(/abort|timeout/i);
    expect((await row()).available_at.getTime() - w.clock.now().getTime()).toBe(60_000);
    w.clock.advance(60_000);
    await drain(env);
    [n] = await noticesOf(order);
    expect(n).toMatchObject({ status: 'sent', attempts: 3 });

    gw.state.failNext = 1;
    gw.state.failStatus = 400;
    const refused = await newOrder(w);
    await drain(env);
    expect((await noticesOf(refused))[0]).toMatchObject({ status: 'failed', reason: 'provider', attempts: 1 });
    gw.state.failStatus = 503;
  });

  it('holds an SMS in the quiet hours until morning, unless urgent', async () => {
    const gw = gateway.current!;
    w.clock.set(new Date('2025-03-04T15:30:00Z')); // 23:30 in Xilinhot (UTC+8)
    const night = await newOrder(w);
    const urgent = await newOrder(w, { priority: 4 });
    const before = gw.hits.length;
    await drain(httpEnv());
    const [n] = await noticesOf(night);
    expect(n.status).toBe('queued');
    expect(n.not_before.toISOString()).toBe('2025-03-05T00:00:00.000Z'); // 08:00 local
    expect((await noticesOf(urgent))[0].status).toBe('sent');
    expect(gw.hits.length - before).toBe(1);
    w.clock.set(new Date('2025-03-05T00:00:00Z'));
    await drain(httpEnv());
    expect((await noticesOf(night))[0].status).toBe('sent');
    w.clock.set(new Date('2025-03-05T02:00:00Z'));
  });

  it('sends nothing to a citizen who opted out, and to a confidential caller only what they agreed to', async () => {
    await setOptOut(database.db, {
      centreId: w.centreId,
      address: '13900000001',
      optedOut: true,
      source: 'test',
      at: w.clock.now(),
    });
    const out = await newOrder(w, { callerPhone: '13900000001' });
    const confidential = await newOrder(w, { callerPhone: '13900000002', callerConfidential: true });
    await drain(httpEnv());
    expect((await noticesOf(out))[0]).toMatchObject({ status: 'skipped', reason: 'opted_out' });
    expect((await noticesOf(confidential))[0]).toMatchObject({ status: 'skipped', reason: 'not_agreed' });
    await upsertContact(database.db, {
      orderId: confidential.id,
      email: null,
      lang: 'zh',
      consent: ['dispatched'],
      at: w.clock.now(),
    });
    await act(w, w.actors.dispatcher, confidential, 'dispatch', { leadUnitId: w.units.deptA1.id });
    await drain(httpEnv());
    expect((await noticesOf(confidential)).map((n) => [n.event, n.status])).toEqual([
      ['accepted', 'skipped'],
      ['dispatched', 'sent'],
    ]);
  });

  it('e-mails the citizen through a real SMTP server over STARTTLS, the message arriving with its number', async () => {
    const server = smtp.current!;
    const env = {
      LIANXIN_SMTP_URL: `smtp://127.0.0.1:${server.port}/?requireTLS=true`,
      LIANXIN_SMTP_CA_FILE: caFile,
      LIANXIN_MAIL_FROM: '12345 <notice@hotline.example>',
    };
    logs.length = 0;
    const order = await newOrder(w, { callerPhone: undefined });
    await upsertContact(database.db, {
      orderId: order.id,
      email: 'Citizen@Example.org',
      lang: 'zh',
      consent: null,
      at: w.clock.now(),
    });
    await act(w, w.actors.dispatcher, order, 'dispatch', { leadUnitId: w.units.deptA1.id });
    await drain(env);
    expect(logs.filter((l) => l.includes('citizen.send'))).toEqual([]);
    const mail = server.received.find((m) => m.raw.includes(`${order.id}:dispatched:email`));
    expect(mail).toBeDefined();
    expect(mail!.to).toEqual(['citizen@example.org']);
    expect(mail!.from).toBe('notice@hotline.example');
    expect(mail!.secure).toBe(true);
    const [head, body] = mail!.raw.split(/\r?\n\r?\n/, 2);
    const headers = head.replace(/\r?\n[ \t]+/g, ' ');
    const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'mi').exec(headers)?.[1] ?? '';
    const decodeWords = (v: string) =>
      v
        .replace(/\?=\s+=\?/g, '?==?')
        .replace(/=\?UTF-8\?B\?([^?]*)\?=/gi, (_, b: string) => Buffer.from(b, 'base64').toString('utf8'));
    expect(decodeWords(header('Subject'))).toBe(`诉求已派单：工单号${order.order_no}`);
    expect(header('Message-ID')).toBe(`<${order.id}.dispatched.email@hotline.example>`);
    expect(Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')).toContain('已转交承办单位办理');
    const n = (await noticesOf(order)).find((r) => r.channel === 'email' && r.event === 'dispatched')!;
    expect(n).toMatchObject({ status: 'sent', provider: 'smtp', subject: `诉求已派单：工单号${order.order_no}` });
  });

  it('signs an Aliyun SendSms request as documented and sends only the template variables', async () => {
    const gw = aliyun.current!;
    const env = {
      LIANXIN_SMS_PROVIDER: 'aliyun',
      LIANXIN_SMS_URL: gw.url,
      LIANXIN_SMS_KEY_ID: 'testid',
      LIANXIN_SMS_SECRET: 'testsecret',
      LIANXIN_SMS_SIGN_NAME: '锡林郭勒12345',
      LIANXIN_SMS_TEMPLATES: 'accepted=SMS_100,dispatched=SMS_200',
    };
    const order = await newOrder(w);
    await drain(env);
    const hit = gw.hits.at(-1)!;
    const { Signature, ...params } = hit.fields;
    expect(Signature).toBe(aliyunSign(params, 'testsecret'));
    expect(params).toMatchObject({
      Action: 'SendSms',
      Version: '2017-05-25',
      SignatureMethod: 'HMAC-SHA1',
      SignatureVersion: '1.0',
    });
    expect(params.TemplateCode).toBe('SMS_100');
    expect(params.OutId).toBe(`${order.id}:accepted:sms`);
    const vars = JSON.parse(params.TemplateParam) as Record<string, string>;
    expect(vars).toMatchObject({ orderNo: order.order_no, queryCode: order.query_code });
    expect(Object.keys(vars)).not.toContain('title');
    expect(hit.url).not.toContain(encodeURIComponent('暖气'));
    const [n] = await noticesOf(order);
    expect(n).toMatchObject({ status: 'sent', provider: 'aliyun' });
    const reports = readAliyunReport(
      JSON.stringify([
        { biz_id: n.provider_id, success: false, err_code: 'DELIVERED_FAIL', err_msg: '失败', out_id: n.idempotency_key },
      ]),
    );
    await applyDeliveryReport(database.db, { provider: 'aliyun', ...reports[0], at: w.clock.now() });
    expect((await noticesOf(order))[0]).toMatchObject({ status: 'failed', reason: 'undelivered' });
  });

  it('refuses a provider configuration with its problems listed', () => {
    let config: Config | undefined;
    expect(() => (config = loadConfig({ LIANXIN_SMS_PROVIDER: 'aliyun', LIANXIN_SMS_RATE_PER_SECOND: '0' }))).toThrow(
      /LIANXIN_SMS_KEY_ID[\s\S]*LIANXIN_SMS_SECRET[\s\S]*LIANXIN_SMS_SIGN_NAME[\s\S]*LIANXIN_SMS_RATE_PER_SECOND/,
    );
    expect(config).toBeUndefined();
  });
});
