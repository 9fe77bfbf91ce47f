/** Server text of signed webhooks for outside systems (issue 17, ADR 0182), Chinese first; spread into messages.ts. */
export const WEBHOOK_MESSAGES = {
  'what.webhook': { zh: '回调订阅', en: 'Webhook subscription' },
  'webhook.noScope': {
    zh: '该接口客户端没有“接收推送”权限：请先在权限范围中加上它',
    en: 'The API client does not have the webhooks scope: grant it first',
  },
  'webhook.url.tooLong': {
    zh: '回调地址（url）过长：最多 {max} 个字符',
    en: 'Webhook URL (url) is too long: at most {max} characters',
  },
  'webhook.url.notUrl': {
    zh: '回调地址（url）不是有效的网址，例如 https://example.gov.cn/hook',
    en: 'Webhook URL (url) is not a valid address, e.g. https://example.gov.cn/hook',
  },
  'webhook.url.scheme': {
    zh: '回调地址（url）只能以 https:// 或 http:// 开头',
    en: 'Webhook URL (url) must start with https:// or http://',
  },
  'webhook.url.credentials': {
    zh: '回调地址（url）中不能包含用户名或密码',
    en: 'Webhook URL (url) must not contain a user name or password',
  },
  'webhook.url.httpsRequired': {
    zh: '回调地址（url）必须使用 https://（只有本机地址可以用 http://）',
    en: 'Webhook URL (url) must use https:// (plain http:// only to this machine)',
  },
  'webhook.paused': { zh: '订阅已暂停，未发送', en: 'Subscription paused; not sent' },
  'webhook.clientOff': {
    zh: '接口客户端已停用或已无“接收推送”权限，未发送',
    en: 'The API client is revoked or lost the webhooks scope; not sent',
  },
} as const;
