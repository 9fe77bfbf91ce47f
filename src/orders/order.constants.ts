/** Vocabulary of a work order. Labels for screens live in the web message files. */
export const CHANNELS = ['phone', 'web', 'window', 'grid', 'open_api', 'import'] as const;
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
];
export const FINAL_STATES: readonly OrderState[] = ['closed', 'invalid', 'merged'];

export const REPLY_RESULTS = ['resolved', 'partly', 'cannot'] as const;
export const SATISFACTION = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export const INVALID_REASONS = ['not_accepted', 'emergency_transfer', 'lawful_channel'] as const;

/** After this many re-handlings or re-dispatches an order becomes a 疑难件 (escalated). */
export const ESCALATION_THRESHOLD = 3;
