/**
 * The shared vocabulary of lianxin: every word the server and the web console both use. The server
 * validates and stores these values; the web imports them with `import type` and keys its label
 * tables by them, so a value without a zh/en label is a compile error. Nothing here may import from
 * the rest of src/ — the contract is the bottom of the graph.
 */

/** Staff roles. Centre roles act on the whole centre; unit roles only inside their own unit subtree. */
export const ROLES = [
  'operator',
  'dispatcher',
  'unit_handler',
  'unit_admin',
  'supervisor',
  'leader',
  'analyst',
  'admin',
  'security_admin',
  'auditor',
  // 网格员 (issue 18): answers the on-site verification tasks of their grids and reports from the grid.
  'gridworker',
  // 网格信息员 (楼栋长、联户长、骑手…): reports from the grid, never handles.
  'grid_reporter',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * 三员分立 (等保 2.0 L3, ADR 0157): the system administrator (`admin`: units, categories, rules,
 * calendar, settings), the security administrator (`security_admin`: accounts, roles, password and
 * 2FA resets, unlocks) and the audit administrator (`auditor`: reads and exports the audit trail). An
 * account holding one of them holds no other role, and nobody grants roles to themself.
 */
export const SEPARATED_ADMIN_ROLES = ['admin', 'security_admin', 'auditor'] as const satisfies readonly Role[];

/** Kinds of unit in the tree; `village` (村/嘎查委员会) receives only forwarded town work (ADR 0116). */
export const UNIT_KINDS = [
  'centre',
  'sub_centre',
  'league_dept',
  'county',
  'county_dept',
  'town',
  'village',
  'company',
  'other',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** How an appeal reached the centre (issue 16): 'web' is the 12345 portal, 'wechat_app' an outside system's WeChat/app. */
export const CHANNELS = ['phone', 'web', 'window', 'grid', 'letter', 'email', 'wechat_app', 'open_api', 'import'] as const;
export type Channel = (typeof CHANNELS)[number];

export const APPEAL_TYPES = ['consult', 'help', 'complaint', 'report', 'suggestion', 'praise', 'other'] as const;
export type AppealType = (typeof APPEAL_TYPES)[number];

export const ORDER_STATES = [
  'accepted', // 已受理，待派单
  'dispatched', // 已派单，待签收
  'return_requested', // 退单申请中
  'handling', // 办理中
  'extension_requested', // 延期申请中
  'replied', // 已答复，待审核
  'visiting', // 审核通过，待回访
  'checking', // 待核查: the citizen rated 不满意/未解决 on the web; the centre decides (重办 or close with a reason)
  'closed', // 已办结
  'invalid', // 无效件：不予受理 / 转紧急热线 / 告知法定途径
  'merged', // 重复件，已并单
] as const;
export type OrderState = (typeof ORDER_STATES)[number];

export const OPEN_STATES: readonly OrderState[] = [
  'accepted',
  'dispatched',
  'return_requested',
  'handling',
  'extension_requested',
  'replied',
  'visiting',
  'checking',
];
export const FINAL_STATES: readonly OrderState[] = ['closed', 'invalid', 'merged'];

/** The moves of the lifecycle table (src/orders/order-transitions.ts); each is also a timeline event kind. */
export const ORDER_ACTIONS = [
  'answer_directly',
  'reject',
  'merge',
  'unmerge',
  'dispatch',
  'sign',
  'request_return',
  'approve_return',
  'reject_return',
  'record_contact',
  'request_extension',
  'approve_extension',
  'reject_extension',
  'reply',
  'review_accept',
  'review_send_back',
  'visit_close',
  'visit_rehandle',
  'visit_check',
  'check_close',
  'direct_visit', // 直办件抽样回访: the visit of a sampled directly-answered order; it stays closed (ADR 0202)
  'wait_for_citizen',
  'suspend',
  'resume_clock',
  'progress_report', // 阶段性答复: a complex matter's interim report; the order stays open (ADR 0121)
  // Forwarding down the unit tree (下派/二次派单, issue 14, ADR 0115): hops of order_hops.
  'forward',
  'hop_sign',
  'hop_reply',
  'hop_accept',
  'hop_send_back',
  'hop_return',
  // Sub-centres (issue 14, ADR 0110): which desk holds an order waiting for dispatch.
  'route_to_desk',
  'hand_up',
] as const;
export type OrderAction = (typeof ORDER_ACTIONS)[number];

export const REPLY_RESULTS = ['resolved', 'partly', 'cannot'] as const;
export type ReplyResult = (typeof REPLY_RESULTS)[number];
export const SATISFACTION = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type Satisfaction = (typeof SATISFACTION)[number];
export const INVALID_REASONS = ['not_accepted', 'emergency_transfer', 'lawful_channel'] as const;
export type InvalidReason = (typeof INVALID_REASONS)[number];
/** A rating the centre must check before the order may close: 不满意, or 未解决 (ADR 0135). */
export const isDissatisfied = (satisfaction: string | null | undefined, resolved: boolean | null | undefined) =>
  satisfaction === 'dissatisfied' || resolved === false;

/** Why the centre closed a citizen's dissatisfied rating after its check (核查办结) instead of 重办. */
export const CHECK_CLOSE_REASONS = ['unreasonable', 'explained', 'resolved_in_fact', 'beyond_scope', 'other'] as const;
export type CheckCloseReason = (typeof CHECK_CLOSE_REASONS)[number];
export const CONTACT_METHODS = ['phone', 'visit', 'sms', 'other'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];
/** `sms_link`: the citizen rated through the one-time return-visit link (ADR 0202). */
export const VISIT_METHODS = ['phone', 'sms', 'web', 'sms_link'] as const;
export type VisitMethod = (typeof VISIT_METHODS)[number];
/** The visits only the citizen makes (the portal's rating, the link's); staff record phone or SMS visits. */
export const CITIZEN_VISIT_METHODS = ['web', 'sms_link'] as const satisfies readonly VisitMethod[];
export type CitizenVisitMethod = (typeof CITIZEN_VISIT_METHODS)[number];

/**
 * The clocks of an order (时限): one per stage, in the order the lifecycle reaches them. A centre sets
 * rules for these (`check`: the centre's check of a dissatisfied web rating, ADR 0152).
 */
export const STAGES = ['dispatch', 'sign', 'contact', 'reply', 'review', 'visit', 'check'] as const;
export type PolicyStage = (typeof STAGES)[number];
/**
 * Clocks of a task inside the order (ADR 0152): a forwarding hop's sign-for and reply to the forwarding
 * unit (下派签收, 下派办理) and an assisting unit's opinion (协办意见). Their deadlines come from the task
 * (the forwarder's deadline, the centre's assisting limit), not from rules; one clock per task.
 */
export const TASK_STAGES = ['hop_sign', 'hop_reply', 'assist', 'verify'] as const;
export type TaskStage = (typeof TASK_STAGES)[number];
export type Stage = PolicyStage | TaskStage;
/** Every clock an order's deadline table may show. */
export const ALL_STAGES: readonly Stage[] = [...STAGES, ...TASK_STAGES];
/** The stages a handling unit answers for; the others are the centre's. */
export const UNIT_STAGES: readonly Stage[] = ['sign', 'contact', 'reply'];
export const LIMIT_UNITS = ['minutes', 'hours', 'working_hours', 'working_days'] as const;
export type LimitUnit = (typeof LIMIT_UNITS)[number];
export type WarningLevel = 'none' | 'yellow' | 'red';
