import type { CitizenChannel, CitizenEvent } from '../contract/citizen-notices.js';

/** Characters of one SMS (UCS-2, signature included); a longer text is sent and billed as several. */
export const SMS_SEGMENT_CHARS = 70;
/** Characters of each part of a long SMS (the rest carries the joining header). */
export const SMS_PART_CHARS = 67;

/**
 * The built-in templates (zh), used where a centre has written none of its own (citizen_notice_templates).
 * They are data: an admin overrides each on the 群众通知 screen, in zh and in the centre's second language.
 * SMS texts use only TEMPLATE_VARS.sms — never the appeal's content or the caller's name. Each notice
 * SMS says how to stop them (退订请拨12345: staff record it, or the citizen switches it off on the
 * portal's 我的诉求) and fits one SMS of SMS_SEGMENT_CHARS with a long centre name; a link takes two.
 */
export const DEFAULT_TEMPLATES: Readonly<
  Record<CitizenEvent, Readonly<Record<CitizenChannel, { subject: string | null; body: string }>>>
> = {
  accepted: {
    sms: {
      subject: null,
      body: '【{centreName}】您的诉求已受理，工单号{orderNo}，查询码{queryCode}，可网上查询。退订请拨12345',
    },
    email: {
      subject: '诉求受理回执：工单号{orderNo}',
      body: '您好：\n\n您反映的“{title}”已受理。\n工单号：{orderNo}\n查询码：{queryCode}\n\n可在 {portalUrl} 凭工单号和查询码查询办理进度。\n\n{centreName}',
    },
  },
  received: {
    sms: {
      subject: null,
      body: '【{centreName}】您网上提交的诉求已收到，工单号{orderNo}，查询码{queryCode}。退订请拨12345',
    },
    email: {
      subject: '诉求已收到：工单号{orderNo}',
      body: '您好：\n\n您在网上提交的“{title}”已收到。\n工单号：{orderNo}\n查询码：{queryCode}\n\n可在 {portalUrl} 查询办理进度。\n\n{centreName}',
    },
  },
  dispatched: {
    sms: { subject: null, body: '【{centreName}】您的诉求（工单号{orderNo}）已转交承办单位办理。退订请拨12345' },
    email: { subject: '诉求已派单：工单号{orderNo}', body: '您好：\n\n您反映的“{title}”已转交承办单位办理。\n\n{centreName}' },
  },
  replied: {
    sms: { subject: null, body: '【{centreName}】您的诉求（工单号{orderNo}）已答复，凭查询码{queryCode}网上可查。退订请拨12345' },
    email: {
      subject: '诉求已答复：工单号{orderNo}',
      body: '您好：\n\n您反映的“{title}”承办单位已答复，可在 {portalUrl} 凭查询码 {queryCode} 查看。\n\n{centreName}',
    },
  },
  closed: {
    sms: { subject: null, body: '【{centreName}】您的诉求（工单号{orderNo}）已办结，感谢您的支持。退订请拨12345' },
    email: { subject: '诉求已办结：工单号{orderNo}', body: '您好：\n\n您反映的“{title}”已办结，感谢您的支持。\n\n{centreName}' },
  },
  visit_invite: {
    sms: { subject: null, body: '【{centreName}】请您评价工单{orderNo}的办理情况：{link} （链接仅可使用一次）退订请拨12345' },
    email: {
      subject: '请评价诉求办理情况：工单号{orderNo}',
      body: '您好：\n\n请打开下面的链接，评价“{title}”的办理情况（链接仅可使用一次）：\n{link}\n\n{centreName}',
    },
  },
  otp: {
    sms: { subject: null, body: '【{centreName}】您的验证码为{code}，{minutes}分钟内有效，请勿告诉他人。' },
    email: { subject: '验证码', body: '您的验证码为 {code}，{minutes} 分钟内有效。' },
  },
};
