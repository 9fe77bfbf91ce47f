import { createHmac, randomUUID } from 'node:crypto';
import type { AliyunSmsConfig } from '../../config/notice-config.js';
import { PermanentSendError, type DeliveryReport, type NoticeProvider, type OutgoingNotice } from './provider.js';

/** RFC 3986 encoding as Aliyun's RPC signature (v1) wants it: only A–Z a–z 0–9 - _ . ~ stay. */
export const aliyunEncode = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * Aliyun's RPC signature, version 1.0: the parameters sorted by name, each name=value encoded, joined
 * with &; StringToSign = GET&%2F&encode(that); Signature = Base64(HMAC-SHA1(secret + "&", StringToSign)).
 */
export function aliyunSign(params: Readonly<Record<string, string>>, secret: string, method = 'GET'): string {
  const canonical = Object.keys(params)
    .sort()
    .map((k) => `${aliyunEncode(k)}=${aliyunEncode(params[k])}`)
    .join('&');
  const stringToSign = `${method}&${aliyunEncode('/')}&${aliyunEncode(canonical)}`;
  return createHmac('sha1', `${secret}&`).update(stringToSign).digest('base64');
}

/** Answers of SendSms that no retry can change (Code of the JSON answer). */
const PERMANENT =
  /^isv\.(MOBILE_NUMBER_ILLEGAL|SMS_TEMPLATE_ILLEGAL|SMS_SIGNATURE_ILLEGAL|TEMPLATE_MISSING_PARAMETERS|INVALID_PARAMETERS|PARAM_LENGTH_LIMIT|BLACK_KEY_CONTROL_LIMIT)$/;

/**
 * Aliyun 短信服务 (Dysmsapi 2017-05-25) SendSms: a GET with the signed common and action parameters.
 * The text lives at Aliyun as a template (TemplateCode per event); lianxin sends the template's
 * variables only (TemplateParam) — never the appeal's content. OutId carries the idempotency key and
 * comes back in the delivery report.
 */
export function aliyunSmsProvider(c: AliyunSmsConfig): NoticeProvider {
  return {
    name: 'aliyun',
    channel: 'sms',
    async send(n: OutgoingNotice) {
      const templateCode = c.templates[n.event];
      if (!templateCode) throw new PermanentSendError(`no Aliyun TemplateCode for event ${n.event} (LIANXIN_SMS_TEMPLATES)`);
      const params: Record<string, string> = {
        AccessKeyId: c.accessKeyId,
        Action: 'SendSms',
        Format: 'JSON',
        OutId: n.idempotencyKey,
        PhoneNumbers: n.to,
        RegionId: c.regionId,
        SignName: c.signName,
        SignatureMethod: 'HMAC-SHA1',
        SignatureNonce: randomUUID(),
        SignatureVersion: '1.0',
        TemplateCode: templateCode,
        TemplateParam: JSON.stringify(n.params),
        Timestamp: n.at.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        Version: '2017-05-25',
      };
      const query = `Signature=${aliyunEncode(aliyunSign(params, c.accessKeySecret))}&${Object.keys(params)
        .map((k) => `${aliyunEncode(k)}=${aliyunEncode(params[k])}`)
        .join('&')}`;
      const url = `${c.url.replace(/\/?$/, '/')}?${query}`;
      const response = await fetch(url, { method: 'GET', signal: AbortSignal.timeout(c.timeoutMs) });
      const text = await response.text();
      let answer: { Code?: string; Message?: string; BizId?: string };
      try {
        answer = JSON.parse(text) as typeof answer;
      } catch {
        throw new Error(`Aliyun SMS answered HTTP ${response.status}: ${text.slice(0, 200)}`);
      }
      if (answer.Code === 'OK' && answer.BizId) return { providerId: answer.BizId };
      const message = `Aliyun SMS ${answer.Code ?? response.status}: ${answer.Message ?? ''}`;
      throw answer.Code && PERMANENT.test(answer.Code) ? new PermanentSendError(message) : new Error(message);
    },
  };
}

/**
 * Aliyun's SMS delivery receipts pushed over HTTP (SmsReport): a JSON array of
 * {phone_number, send_time, report_time, success, err_code, err_msg, sms_size, biz_id, out_id}.
 */
export function readAliyunReport(raw: string): DeliveryReport[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return (parsed as Record<string, unknown>[]).flatMap((e) => {
    if (typeof e?.biz_id !== 'string') return [];
    const delivered = e.success === true || e.success === 'true';
    return [
      {
        providerId: e.biz_id,
        delivered,
        error: delivered ? null : `${String(e.err_code ?? '')} ${String(e.err_msg ?? '')}`.trim(),
      },
    ];
  });
}
