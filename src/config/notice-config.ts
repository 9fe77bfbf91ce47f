import fs from 'node:fs';

/** The generic HTTP SMS gateway (LIANXIN_SMS_PROVIDER=http). */
export interface HttpSmsConfig {
  readonly kind: 'http';
  readonly url: string;
  readonly format: 'json' | 'form';
  /** Field names of the request: the number, the text, the idempotency key. */
  readonly fields: { readonly to: string; readonly text: string; readonly key: string };
  /** Field of the JSON answer holding the gateway's message id. */
  readonly idField: string;
  /** HMAC-SHA256 secret of the request and report signatures (unset: unsigned). */
  readonly secret: string | undefined;
  readonly report: { readonly idField: string; readonly statusField: string; readonly delivered: readonly string[] };
  readonly timeoutMs: number;
}

/** Aliyun 短信服务 (LIANXIN_SMS_PROVIDER=aliyun). */
export interface AliyunSmsConfig {
  readonly kind: 'aliyun';
  readonly url: string;
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly signName: string;
  readonly regionId: string;
  /** TemplateCode per event: LIANXIN_SMS_TEMPLATES=accepted=SMS_1,dispatched=SMS_2,… */
  readonly templates: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
}

export interface NoticeConfig {
  /** Unset: SMS notices are held on the staff outbox page (未配置短信通道). */
  readonly sms: HttpSmsConfig | AliyunSmsConfig | undefined;
  /** Token a delivery-report callback must carry (?token=) where the provider does not sign (Aliyun). */
  readonly smsReportToken: string | undefined;
  readonly smsRatePerSecond: number;
  /** Unset: e-mail notices are held likewise. */
  readonly mail:
    { readonly url: string; readonly from: string; readonly ca: string | undefined; readonly timeoutMs: number } | undefined;
  readonly mailRatePerSecond: number;
  /** Where the citizen portal is reached from outside, for links in notices (return-visit link). */
  readonly publicUrl: string;
}

type Env = Record<string, string | undefined>;

const pairs = (raw: string | undefined): Record<string, string> =>
  Object.fromEntries(
    (raw ?? '')
      .split(',')
      .map((p) => p.split('=').map((s) => s.trim()))
      .filter((p) => p.length === 2 && p[0] && p[1]),
  );

function positive(env: Env, key: string, fallback: number, problems: string[]): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) problems.push(`${key} must be an integer ≥ 1, got "${raw}"`);
  return Number.isInteger(n) && n >= 1 ? n : fallback;
}

/** The citizen notices' providers and limits (issue 16, ADR 0178), every problem listed. */
export function noticeConfigFrom(env: Env, problems: string[], port: number): NoticeConfig {
  const timeoutMs = positive(env, 'LIANXIN_SMS_TIMEOUT_MS', 5000, problems);
  const kind = env.LIANXIN_SMS_PROVIDER || (env.LIANXIN_SMS_URL ? 'http' : 'none');
  let sms: NoticeConfig['sms'];
  const url = env.LIANXIN_SMS_URL ?? '';
  if (kind !== 'none' && !/^https?:\/\/\S+$/.test(url) && !(kind === 'aliyun' && url === '')) {
    problems.push(`LIANXIN_SMS_URL must be an http:// or https:// URL, got "${url}"`);
  } else if (kind === 'http') {
    const format = env.LIANXIN_SMS_FORMAT || 'json';
    if (format !== 'json' && format !== 'form') problems.push(`LIANXIN_SMS_FORMAT must be json or form, got "${format}"`);
    const f = pairs(env.LIANXIN_SMS_FIELDS);
    sms = {
      kind,
      url,
      format: format === 'form' ? 'form' : 'json',
      fields: { to: f.to ?? 'to', text: f.text ?? 'text', key: f.key ?? 'key' },
      idField: env.LIANXIN_SMS_ID_FIELD || 'id',
      secret: env.LIANXIN_SMS_SECRET || undefined,
      report: {
        idField: env.LIANXIN_SMS_REPORT_ID_FIELD || 'id',
        statusField: env.LIANXIN_SMS_REPORT_STATUS_FIELD || 'status',
        delivered: (env.LIANXIN_SMS_REPORT_DELIVERED || 'DELIVRD,delivered').split(',').map((s) => s.trim()),
      },
      timeoutMs,
    };
  } else if (kind === 'aliyun') {
    for (const k of ['LIANXIN_SMS_KEY_ID', 'LIANXIN_SMS_SECRET', 'LIANXIN_SMS_SIGN_NAME'])
      if (!env[k]) problems.push(`${k} is required with LIANXIN_SMS_PROVIDER=aliyun`);
    sms = {
      kind,
      url: url || 'https://dysmsapi.aliyuncs.com/',
      accessKeyId: env.LIANXIN_SMS_KEY_ID ?? '',
      accessKeySecret: env.LIANXIN_SMS_SECRET ?? '',
      signName: env.LIANXIN_SMS_SIGN_NAME ?? '',
      regionId: env.LIANXIN_SMS_REGION || 'cn-hangzhou',
      templates: pairs(env.LIANXIN_SMS_TEMPLATES),
      timeoutMs,
    };
  } else if (kind !== 'none') {
    problems.push(`LIANXIN_SMS_PROVIDER must be http, aliyun or none, got "${kind}"`);
  }
  let mail: NoticeConfig['mail'];
  const smtp = env.LIANXIN_SMTP_URL;
  if (smtp) {
    if (!/^smtps?:\/\/\S+$/.test(smtp)) problems.push(`LIANXIN_SMTP_URL must be an smtp:// or smtps:// URL`);
    let ca: string | undefined;
    if (env.LIANXIN_SMTP_CA_FILE) {
      try {
        ca = fs.readFileSync(env.LIANXIN_SMTP_CA_FILE, 'utf8');
      } catch {
        problems.push(`LIANXIN_SMTP_CA_FILE cannot be read: ${env.LIANXIN_SMTP_CA_FILE}`);
      }
    }
    mail = { url: smtp, from: env.LIANXIN_MAIL_FROM || '12345 <noreply@lianxin.local>', ca, timeoutMs };
  }
  const publicUrl = (env.LIANXIN_PUBLIC_URL || `http://localhost:${port}`).replace(/\/$/, '');
  if (!/^https?:\/\/\S+$/.test(publicUrl)) problems.push(`LIANXIN_PUBLIC_URL must be an http:// or https:// URL`);
  return {
    sms,
    smsReportToken: env.LIANXIN_SMS_REPORT_TOKEN || undefined,
    smsRatePerSecond: positive(env, 'LIANXIN_SMS_RATE_PER_SECOND', 50, problems),
    mail,
    mailRatePerSecond: positive(env, 'LIANXIN_MAIL_RATE_PER_SECOND', 20, problems),
    publicUrl,
  };
}
