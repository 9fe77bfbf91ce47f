/** Server text of signed webhooks for outside systems (issue 17, ADR 0182), Chinese first; spread into messages.ts. */
export const WEBHOOK_MESSAGES = {
  'what.webhook': { zh: '回调订阅', en: 'Webhook subscription' },
  'webhook.noScope': {
    zh: '该接口客户端没有“接收推送”权限：请先在权限范围中加上它',
    en: 'The API client does not have the webhooks scope: grant it first',
  },
  'webhook.paused': { zh: '订阅已暂停，未发送', en: 'Subscription paused; not sent' },
  'webhook.clientOff': {
    zh: '接口客户端已停用或已无“接收推送”权限，未发送',
    en: 'The API client is revoked or lost the webhooks scope; not sent',
  },
} as const;
