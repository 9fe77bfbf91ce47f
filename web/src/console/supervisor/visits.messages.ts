import { labelsIn, VISIT_LINK_STATE_LABELS } from '../../shared/contract';
import type { Messages } from '../../shared/i18n';

/** 回访台 by SMS link and the sampled 直办 visits (issue 16, ADR 0202). */
export const visitMessages = {
  zh: {
    ...labelsIn('link', VISIT_LINK_STATE_LABELS, 'zh'),
    'visits.sendLink': '发送回访短信',
    'visits.sendLinkHint': '群众通过短信链接评价即为有效回访；到期未回复的转回电话回访。',
    'visits.linkSent': '回访短信已发送，有效期至 {until}',
    'visits.linkLive': '已发送回访短信，等待群众评价（至 {until}），也可直接电话回访',
    'visits.linkFellBack': '短信未回复，请电话回访',
    'visits.direct': '直办抽样',
    'visits.directHint': '直办件抽样回访：记录群众对直接答复的评价，工单保持办结。',
    'visits.directVisit': '记录直办回访',
    'visits.answer': '直办答复',
    'visits.links': '回访短信记录',
    'visits.linksEmpty': '暂无回访短信',
    'visits.col.order': '工单',
    'visits.col.sentAt': '发送时间',
    'visits.col.state': '状态',
    'visits.col.by': '发送人',
  },
  en: {
    ...labelsIn('link', VISIT_LINK_STATE_LABELS, 'en'),
    'visits.sendLink': 'Send rating link by SMS',
    'visits.sendLinkHint':
      'A rating through the SMS link is a valid return visit; unanswered until it expires, it comes back for a phone call.',
    'visits.linkSent': 'Rating link sent, valid until {until}',
    'visits.linkLive': 'Rating link sent, waiting for the citizen (until {until}); you may still call',
    'visits.linkFellBack': 'No answer to the SMS: please call',
    'visits.direct': 'Direct sample',
    'visits.directHint': 'Sampled visit of a directly answered order: record the citizen’s rating; the order stays closed.',
    'visits.directVisit': 'Record the visit',
    'visits.answer': 'Direct answer',
    'visits.links': 'Rating links sent',
    'visits.linksEmpty': 'No rating links yet',
    'visits.col.order': 'Order',
    'visits.col.sentAt': 'Sent',
    'visits.col.state': 'State',
    'visits.col.by': 'Sent by',
  },
} satisfies Messages;
