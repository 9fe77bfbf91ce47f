import type { LabelTable } from './labels.js';
import type { ReplyResult, UnitKind } from './vocabulary.js';

/**
 * Forwarding down the unit tree (下派/二次派单, issue 14, ADR 0115): the lead unit, or a unit holding
 * a hop, passes the order to one of its sub-units with a note and a deadline inside its own. Each
 * pass is a row of order_hops; the open hops form one chain from the lead unit down.
 */
export const HOP_STATES = [
  'pending', // 已下派，待签收
  'handling', // 下级办理中
  'replied', // 下级已答复，待上级采纳
  'accepted', // 上级已采纳
  'returned', // 下级退回上一级
] as const;
export type HopState = (typeof HOP_STATES)[number];
/** A hop in these states still holds the order somewhere down the chain. */
export const OPEN_HOP_STATES: readonly HopState[] = ['pending', 'handling', 'replied'];

export const HOP_STATE_LABELS: LabelTable<HopState> = {
  pending: { zh: '待签收', en: 'To sign for' },
  handling: { zh: '办理中', en: 'Handling' },
  replied: { zh: '已答复待采纳', en: 'Replied, to accept' },
  accepted: { zh: '已采纳', en: 'Accepted' },
  returned: { zh: '已退回', en: 'Returned' },
};

/** Kinds of unit in words (forwarding refusals name them). */
export const UNIT_KIND_LABELS: LabelTable<UnitKind> = {
  centre: { zh: '热线中心', en: 'hotline centre' },
  sub_centre: { zh: '分中心', en: 'sub-centre' },
  league_dept: { zh: '盟直部门', en: 'league department' },
  county: { zh: '旗县市区政府', en: 'county government' },
  county_dept: { zh: '旗县部门', en: 'county department' },
  town: { zh: '苏木乡镇/街道', en: 'town or street office' },
  village: { zh: '村（嘎查）委员会', en: 'village committee' },
  company: { zh: '公共服务企业', en: 'public-service company' },
  other: { zh: '其他单位', en: 'other unit' },
};

/**
 * Kinds of unit an order is never dispatched to (派单, and the dispatch catalogue's rules): the centre
 * itself, and village committees — they receive only their town's own work, by forwarding (ADR 0116).
 */
export const NOT_DISPATCHED_KINDS: readonly UnitKind[] = ['centre', 'village'];
export const receivesDispatch = (kind: UnitKind) => !NOT_DISPATCHED_KINDS.includes(kind);

/** Functional departments (职能部门): their work is never passed to village committees (ADR 0116). */
export const FUNCTIONAL_DEPARTMENT_KINDS: readonly UnitKind[] = ['league_dept', 'county_dept'];

/**
 * Which kinds of unit may receive a forwarded order, and from which kinds of forwarder (the tree says
 * who may receive what). `noDepartmentWork`: refused when a functional department leads the order or
 * forwarded it on the way down — the seeds' rule (基层减负: 职能部门交办事项不得转嫁给嘎查村(社区)).
 * A kind absent here receives nothing by forwarding.
 */
export const FORWARD_RECEIVE_RULES: Readonly<Partial<Record<UnitKind, { from: readonly UnitKind[]; noDepartmentWork?: true }>>> =
  {
    county_dept: { from: ['county'] },
    town: { from: ['county', 'county_dept'] },
    village: { from: ['town'], noDepartmentWork: true },
    company: { from: ['county', 'league_dept'] },
    other: { from: ['league_dept', 'county_dept', 'town', 'company', 'other', 'county'] },
  };

/** Whether a unit of this kind may forward to anyone at all (a village committee may not: nothing receives from it). */
export const forwardsOn = (kind: UnitKind) => Object.values(FORWARD_RECEIVE_RULES).some((rule) => rule?.from.includes(kind));

/**
 * Forwarders of these kinds pass work across their whole county (a county government to the county's
 * departments and towns, a county department to the towns); others only to units below themselves.
 */
export const FORWARD_ACROSS_COUNTY: readonly UnitKind[] = ['county', 'county_dept'];

/** One hop of the chain, as GET /api/orders/:id/forward-chain and the forwarding inbox show it. */
export interface ForwardHopView<At = string> {
  id: string;
  depth: number;
  fromUnitId: string;
  fromUnitName: string;
  toUnitId: string;
  toUnitName: string;
  toUnitKind: UnitKind;
  note: string;
  dueAt: At;
  state: HopState;
  forwardedAt: At;
  signedAt: At | null;
  repliedAt: At | null;
  replyResult: ReplyResult | null;
  replyText: string | null;
  closedAt: At | null;
  closedReason: string | null;
}

export interface ForwardTargetView {
  id: string;
  name: string;
  kind: UnitKind;
}

/** The whole chain of an order and who holds it now. */
export interface ForwardChainView<At = string> {
  orderId: string;
  leadUnitId: string | null;
  leadUnitName: string | null;
  /** The unit that must act now: the lead unit, a sub-unit handling its hop, or a forwarder with a reply to accept. */
  holderUnitId: string | null;
  holderUnitName: string | null;
  /** The deadline of the unit forwarding next: a new hop's deadline may not be later. */
  forwarderDueAt: At | null;
  hops: ForwardHopView<At>[];
  /** Sub-units the actor may forward to now (empty when the actor may not forward). */
  targets: ForwardTargetView[];
}

/** A row of GET /api/forwarding/inbox: a hop and its order's facts. */
export interface ForwardInboxItemView<At = string> {
  hop: ForwardHopView<At>;
  orderId: string;
  orderNo: string;
  title: string;
  orderState: string;
  orderVersion: number;
}

export interface ForwardInboxView<At = string> {
  /** Hops addressed to my unit (its subtree) that are still open (a reply waiting upstairs included). */
  incoming: ForwardInboxItemView<At>[];
  /** Hops my unit forwarded whose reply waits for my acceptance. */
  toAccept: ForwardInboxItemView<At>[];
}
