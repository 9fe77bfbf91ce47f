/**
 * Server text of return visits by SMS link and the sampled 直办 visits (issue 16, ADR 0202),
 * Chinese first; spread into messages.ts.
 */
export const VISIT_MESSAGES = {
  'visit.directVisited': {
    zh: '这件直办件已经回访过，每件只回访一次',
    en: 'This directly answered order has had its visit already',
  },
  'visitLink.notAwaiting': {
    zh: '只有待回访的工单（或抽中回访、尚未回访的直办件）才能发送回访短信',
    en: 'A return-visit link goes only to an order awaiting its visit (or a sampled directly answered one not yet visited)',
  },
  'visitLink.noPhone': {
    zh: '来电人没有留下手机号，无法发送回访短信',
    en: 'The caller left no phone number: no link can be sent',
  },
  'visitLink.optedOut': {
    zh: '来电人已退订短信通知，请电话回访',
    en: 'The caller opted out of SMS notices; please call instead',
  },
  'visitLink.notAgreed': {
    zh: '保密来电人未同意接收回访短信，请电话回访',
    en: 'The confidential caller did not agree to a return-visit SMS; please call instead',
  },
  'visitLink.smsDeclined': {
    zh: '来电人受理时未同意接收短信，请电话回访',
    en: 'The caller declined SMS at intake; please call instead',
  },
  'visitLink.eventOff': {
    zh: '本中心已关闭“回访邀请”短信，请在群众通知设置中开启，或电话回访',
    en: 'The centre has switched the return-visit invitation off (notice settings); please call instead',
  },
  'visitLink.live': {
    zh: '已发送的回访短信仍然有效（至 {until}），请等待群众回复，或直接电话回访',
    en: 'The link already sent is valid until {until}: wait for the citizen’s answer, or call',
  },
  'visitLink.notFound': {
    zh: '链接无效，请核对短信中的链接是否完整',
    en: 'This link is not valid; check that it was copied whole from the SMS',
  },
  'visitLink.used': {
    zh: '这个回访链接已经用过了，感谢您的评价',
    en: 'This link has been used already; thank you for your rating',
  },
  'visitLink.expired': {
    zh: '这个回访链接已过期，工作人员会电话回访您',
    en: 'This link has expired; the hotline staff will call you instead',
  },
  'visitLink.visited': {
    zh: '这件诉求已经完成回访，无需再评价',
    en: 'This appeal has had its return visit; no rating is needed',
  },
  'portal.step.direct_visit': { zh: '已收到您的评价', en: 'Rating received' },
} as const satisfies Record<string, { zh: string; en: string }>;
