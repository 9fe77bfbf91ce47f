import type { Messages } from '../shared/i18n';

/** The return-visit link's page (/portal/v/:token, ADR 0202): light, for a cheap phone. */
export const visitLinkMessages = {
  zh: {
    title: '回访评价',
    lead: '{centre}请您评价诉求的办理情况。此链接仅可使用一次。',
    orderNo: '工单号',
    subject: '反映事项',
    acceptedAt: '反映时间',
    reply: '办理答复',
    answer: '直接答复',
    validUntil: '链接有效期至 {until}',
    invalid: '链接无效，请核对短信中的链接是否完整，或拨打 12345。',
    error: '暂时无法打开，请稍后再试或拨打 12345。',
    loading: '正在打开…',
    thanks: '感谢您的评价！',
    thanksCheck: '您反映的问题未解决或您不满意，已转中心核查，工作人员会跟进处理。',
    home: '返回首页',
  },
  en: {
    title: 'Rate the handling',
    lead: '{centre} asks you to rate how your appeal was handled. This link works once.',
    orderNo: 'Order number',
    subject: 'Your appeal',
    acceptedAt: 'Reported',
    reply: 'Reply',
    answer: 'Answer',
    validUntil: 'Link valid until {until}',
    invalid: 'This link is not valid. Check that it was copied whole from the SMS, or call 12345.',
    error: 'The page cannot be opened now; try again later or call 12345.',
    loading: 'Opening…',
    thanks: 'Thank you for your rating!',
    thanksCheck: 'As the problem is not solved or you are not satisfied, the centre will check it and follow up.',
    home: 'Back to the portal',
  },
} satisfies Messages;
