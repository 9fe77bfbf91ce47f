import type { Instant } from './orders.js';
import type { LabelTable } from './labels.js';

/**
 * Assisting units (协办, ADR 0120): each assisting unit of a dispatch gets a task with its own
 * deadline; it signs, then submits its 协办意见. The lead unit reads the opinions before replying and
 * may urge a late one. Shared by the server's answers and the console.
 */
export const ASSIST_STATES = [
  'pending', // 待签收
  'signed', // 已签收，待提交意见
  'submitted', // 已提交协办意见
  'cancelled', // the dispatch was undone (re-dispatch, approved return): nobody's lateness
] as const;
export type AssistState = (typeof ASSIST_STATES)[number];

export const ASSIST_STATE_LABELS: LabelTable<AssistState> = {
  pending: { zh: '待签收', en: 'To sign for' },
  signed: { zh: '已签收，待提交意见', en: 'Signed, opinion due' },
  submitted: { zh: '已提交意见', en: 'Opinion submitted' },
  cancelled: { zh: '已撤销', en: 'Cancelled' },
};

/** The longest 协办意见 the server accepts. */
export const ASSIST_OPINION_MAX = 4000;
/** Roles that sign and write opinions for their own unit; the lead unit's roles urge. */
export const ASSIST_UNIT_ROLES = ['unit_handler', 'unit_admin'] as const;

/** One assisting unit's task on an order (GET /api/orders/:id/assist-tasks, GET /api/assist-tasks). */
export interface AssistTaskView<At = Instant> {
  id: string;
  orderId: string;
  orderNo: string;
  orderTitle: string;
  orderState: string;
  unitId: string;
  unitName: string;
  state: AssistState;
  assignedAt: At;
  dueAt: At;
  signedAt: At | null;
  opinion: string | null;
  submittedAt: At | null;
  /** Submitted after its deadline, or still open past it. */
  late: boolean;
  urgeCount: number;
  lastUrgedAt: At | null;
}

/** What the actor may do with one task (the console shows the buttons by it; the server checks again). */
export interface AssistTaskActions {
  sign: boolean;
  opinion: boolean;
  urge: boolean;
}

export interface AssistTaskWithActions<At = Instant> extends AssistTaskView<At> {
  can: AssistTaskActions;
}

/** GET /api/orders/:id/assist-tasks. */
export interface OrderAssistView<At = Instant> {
  items: AssistTaskWithActions<At>[];
}

/** GET /api/assist-tasks: the actor unit's (subtree's) tasks, open ones first. */
export interface AssistInboxView<At = Instant> {
  items: AssistTaskWithActions<At>[];
}
