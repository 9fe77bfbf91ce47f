import type { TimelineEventKind } from './timeline.js';
import type {
  AppealType,
  Channel,
  CheckCloseReason,
  ContactMethod,
  InvalidReason,
  LimitUnit,
  OrderState,
  ReplyResult,
  Role,
  Satisfaction,
  Stage,
  VisitMethod,
  WarningLevel,
} from './vocabulary.js';

/**
 * The words of the shared vocabulary, in Chinese and English, written once: the console's tags and
 * timeline, the server's exports, reports and notices all read these tables. Each table is keyed by
 * its union, so a state, action, stage or timeline event kind without a label is a compile error.
 */
export interface Words {
  readonly zh: string;
  readonly en: string;
}
export type LabelTable<K extends string> = Readonly<Record<K, Words>>;

export const STATE_LABELS: LabelTable<OrderState> = {
  accepted: { zh: '待派单', en: 'Accepted, to dispatch' },
  dispatched: { zh: '待签收', en: 'Dispatched, to sign for' },
  return_requested: { zh: '退单申请中', en: 'Return requested' },
  handling: { zh: '办理中', en: 'Handling' },
  extension_requested: { zh: '延期申请中', en: 'Extension requested' },
  replied: { zh: '待审核', en: 'Replied, to review' },
  visiting: { zh: '待回访', en: 'Return visit due' },
  checking: { zh: '待核查', en: 'Dissatisfied, to check' },
  closed: { zh: '已办结', en: 'Closed' },
  invalid: { zh: '无效件', en: 'Invalid' },
  merged: { zh: '已并单', en: 'Merged' },
};

/** Every kind of timeline event: the lifecycle's actions (also the buttons) and the other steps. */
export const EVENT_LABELS: LabelTable<TimelineEventKind> = {
  accept: { zh: '受理', en: 'Accepted' },
  escalate: { zh: '升级为疑难件', en: 'Escalated (difficult case)' },
  unescalate: { zh: '撤销疑难件', en: 'Difficult mark removed' },
  attach: { zh: '上传附件', en: 'Attachment added' },
  deadline_warning: { zh: '时限预警', en: 'Deadline warning' },
  urge: { zh: '催办', en: 'Reminder (催办)' },
  supervise: { zh: '督办', en: 'Supervision (督办)' },
  supervise_response: { zh: '督办答复', en: 'Supervision answered' },
  supervise_close: { zh: '督办办结', en: 'Supervision closed' },
  leader_followup: { zh: '列入领导盯办', en: 'Leader follow-up added' },
  leader_followup_end: { zh: '结束领导盯办', en: 'Leader follow-up ended' },
  assessment_exclude: { zh: '认定为不合理诉求（不计考核）', en: 'Excluded from assessment (unreasonable appeal)' },
  assessment_appeal: { zh: '考核申诉', en: 'Assessment appeal' },
  assessment_appeal_decided: { zh: '考核申诉已裁定', en: 'Assessment appeal decided' },
  note: { zh: '内部备注', en: 'Internal note' },
  assist_sign: { zh: '协办签收', en: 'Assisting unit signed' },
  assist_opinion: { zh: '协办意见', en: 'Assisting opinion' },
  verify_request: { zh: '发起现场核实', en: 'On-site verification requested' },
  verify_answer: { zh: '现场核实结果', en: 'On-site verification answered' },
  assist_urge: { zh: '催办协办单位', en: 'Assisting unit urged' },
  leader_case: { zh: '领导包案', en: 'Leader took the case' },
  leader_case_end: { zh: '结束包案', en: 'Leader case ended' },
  instruction: { zh: '领导批示', en: 'Leader instruction' },
  instruction_ack: { zh: '签收批示', en: 'Instruction acknowledged' },
  instruction_answer: { zh: '答复批示', en: 'Instruction answered' },
  instruction_moved: { zh: '批示随单转办', en: 'Instruction moved to the new lead unit' },
  consult_open: { zh: '发起会商', en: 'Consultation opened' },
  consult_opinion: { zh: '会商意见', en: 'Consultation opinion' },
  consult_conclude: { zh: '会商结论', en: 'Consultation concluded' },
  external_comment: { zh: '外部系统补充', en: 'Comment from an outside system' },
  anonymise: { zh: '个人信息到期删除', en: 'Personal data erased (retention)' },
  visit_link_sent: { zh: '发送回访短信', en: 'Return-visit link sent' },
  visit_link_fell_back: { zh: '短信未回复，转电话回访', en: 'Link unanswered: back to the phone visit' },
  answer_directly: { zh: '直办答复', en: 'Answer directly' },
  reject: { zh: '无效件', en: 'Invalid' },
  merge: { zh: '并单', en: 'Merge' },
  unmerge: { zh: '撤销并单', en: 'Undo merge' },
  dispatch: { zh: '派单', en: 'Dispatch' },
  sign: { zh: '签收', en: 'Sign for' },
  request_return: { zh: '申请退单', en: 'Request return' },
  approve_return: { zh: '同意退单', en: 'Approve return' },
  reject_return: { zh: '驳回退单', en: 'Reject return' },
  record_contact: { zh: '记录联系', en: 'Record contact' },
  request_extension: { zh: '申请延期', en: 'Request extension' },
  approve_extension: { zh: '同意延期', en: 'Approve extension' },
  reject_extension: { zh: '驳回延期', en: 'Reject extension' },
  reply: { zh: '答复', en: 'Reply' },
  review_accept: { zh: '审核通过', en: 'Accept reply' },
  review_send_back: { zh: '退回重办', en: 'Send back' },
  visit_close: { zh: '回访办结', en: 'Visit and close' },
  visit_rehandle: { zh: '回访重办', en: 'Visit: re-handle' },
  visit_check: { zh: '群众不满意，转中心核查', en: 'Citizen dissatisfied: to the centre’s check' },
  check_close: { zh: '核查办结', en: 'Closed after check' },
  direct_visit: { zh: '直办件回访', en: 'Visit of a directly answered order' },
  wait_for_citizen: { zh: '等待群众（暂停计时）', en: 'Wait for citizen (pause clock)' },
  suspend: { zh: '中止（暂停计时）', en: 'Suspend (pause clock)' },
  resume_clock: { zh: '恢复计时', en: 'Resume clock' },
  progress_report: { zh: '阶段性答复', en: 'Progress report' },
  forward: { zh: '下派', en: 'Forward down' },
  hop_sign: { zh: '签收下派', en: 'Sign for forwarded order' },
  hop_reply: { zh: '向上级答复', en: 'Reply to forwarding unit' },
  hop_accept: { zh: '采纳下级答复', en: 'Accept sub-unit reply' },
  hop_send_back: { zh: '退回下级重办', en: 'Send back to sub-unit' },
  hop_return: { zh: '退回上一级', en: 'Return one level up' },
  route_to_desk: { zh: '转分中心', en: 'Route to sub-centre' },
  hand_up: { zh: '上交中心', en: 'Hand up to the league centre' },
};

/** The clocks of an order, named as the domain names them (联系诉求人, 办理答复). */
export const STAGE_LABELS: LabelTable<Stage> = {
  dispatch: { zh: '派单', en: 'dispatch' },
  sign: { zh: '签收', en: 'sign-for' },
  contact: { zh: '联系诉求人', en: 'first contact' },
  reply: { zh: '办理答复', en: 'reply' },
  review: { zh: '中心审核', en: 'centre review' },
  visit: { zh: '回访', en: 'return visit' },
  check: { zh: '不满意核查', en: 'dissatisfaction check' },
  hop_sign: { zh: '下派签收', en: 'forwarded sign-for' },
  hop_reply: { zh: '下派办理答复', en: 'forwarded reply' },
  assist: { zh: '协办意见', en: 'assisting opinion' },
  verify: { zh: '现场核实', en: 'on-site verification' },
};

export const ROLE_LABELS: LabelTable<Role> = {
  operator: { zh: '话务员', en: 'Operator' },
  dispatcher: { zh: '派单员', en: 'Dispatcher' },
  unit_handler: { zh: '承办人', en: 'Unit handler' },
  unit_admin: { zh: '承办单位管理员', en: 'Unit admin' },
  supervisor: { zh: '督办员', en: 'Supervisor' },
  leader: { zh: '领导', en: 'Leader' },
  analyst: { zh: '分析员', en: 'Analyst' },
  admin: { zh: '系统管理员', en: 'System admin' },
  security_admin: { zh: '安全管理员', en: 'Security admin' },
  auditor: { zh: '审计管理员', en: 'Audit admin' },
  gridworker: { zh: '网格员', en: 'Grid worker' },
  grid_reporter: { zh: '网格信息员', en: 'Grid reporter' },
};

export const CHANNEL_LABELS: LabelTable<Channel> = {
  phone: { zh: '电话', en: 'Phone' },
  web: { zh: '12345网站', en: '12345 portal' },
  window: { zh: '窗口', en: 'Service window' },
  grid: { zh: '网格员', en: 'Grid worker' },
  letter: { zh: '来信', en: 'Letter' },
  email: { zh: '电子邮件', en: 'E-mail' },
  wechat_app: { zh: '微信/APP', en: 'WeChat / app' },
  open_api: { zh: '开放接口', en: 'Open API' },
  import: { zh: '导入', en: 'Import' },
};

export const APPEAL_TYPE_LABELS: LabelTable<AppealType> = {
  consult: { zh: '咨询', en: 'Consultation' },
  help: { zh: '求助', en: 'Help' },
  complaint: { zh: '投诉', en: 'Complaint' },
  report: { zh: '举报', en: 'Report' },
  suggestion: { zh: '建议', en: 'Suggestion' },
  praise: { zh: '表扬', en: 'Praise' },
  other: { zh: '其他', en: 'Other' },
};

export const REPLY_RESULT_LABELS: LabelTable<ReplyResult> = {
  resolved: { zh: '已解决', en: 'Resolved' },
  partly: { zh: '部分解决', en: 'Partly resolved' },
  cannot: { zh: '无法解决（依法解释）', en: 'Cannot be resolved (explained)' },
};

export const SATISFACTION_LABELS: LabelTable<Satisfaction> = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  basically_satisfied: { zh: '基本满意', en: 'Basically satisfied' },
  dissatisfied: { zh: '不满意', en: 'Dissatisfied' },
};

export const CHECK_CLOSE_REASON_LABELS: LabelTable<CheckCloseReason> = {
  unreasonable: { zh: '诉求不合理', en: 'Unreasonable appeal' },
  explained: { zh: '已尽责解释', en: 'Duly explained' },
  resolved_in_fact: { zh: '经核实已解决', en: 'Found resolved on checking' },
  beyond_scope: { zh: '超出职权范围（已告知途径）', en: 'Beyond the units’ powers (channel given)' },
  other: { zh: '其他', en: 'Other' },
};

export const INVALID_REASON_LABELS: LabelTable<InvalidReason> = {
  not_accepted: { zh: '不予受理', en: 'Not accepted' },
  emergency_transfer: { zh: '转紧急热线', en: 'Transferred to emergency line' },
  lawful_channel: { zh: '告知法定途径', en: 'Told the lawful channel' },
};

export const CONTACT_METHOD_LABELS: LabelTable<ContactMethod> = {
  phone: { zh: '电话', en: 'Phone' },
  visit: { zh: '上门', en: 'Visit' },
  sms: { zh: '短信', en: 'SMS' },
  other: { zh: '其他', en: 'Other' },
};

export const VISIT_METHOD_LABELS: LabelTable<VisitMethod> = {
  phone: { zh: '电话', en: 'Phone' },
  sms: { zh: '短信', en: 'SMS' },
  web: { zh: '网站', en: 'Web' },
  sms_link: { zh: '短信链接', en: 'SMS link' },
};

export const LIMIT_UNIT_LABELS: LabelTable<LimitUnit> = {
  minutes: { zh: '分钟', en: 'minutes' },
  hours: { zh: '小时', en: 'hours' },
  working_hours: { zh: '工作小时', en: 'working hours' },
  working_days: { zh: '工作日', en: 'working days' },
};

export const WARNING_LABELS: LabelTable<WarningLevel> = {
  none: { zh: '正常', en: 'On time' },
  yellow: { zh: '黄灯预警', en: 'Yellow warning' },
  red: { zh: '红灯超期', en: 'Red: overdue' },
};

/** One language's side of a table, its keys prefixed (`state.accepted`), for flat message files. */
export function labelsIn<P extends string, K extends string>(
  prefix: P,
  table: LabelTable<K>,
  lang: keyof Words,
): Record<`${P}.${K}`, string> {
  return Object.fromEntries(Object.entries<Words>(table).map(([k, w]) => [`${prefix}.${k}`, w[lang]])) as Record<
    `${P}.${K}`,
    string
  >;
}

/** A table with its keys prefixed (`stage.reply`), for flat message catalogues with both languages. */
export function prefixedLabels<P extends string, K extends string>(prefix: P, table: LabelTable<K>): Record<`${P}.${K}`, Words> {
  return Object.fromEntries(Object.entries<Words>(table).map(([k, w]) => [`${prefix}.${k}`, w])) as Record<`${P}.${K}`, Words>;
}
