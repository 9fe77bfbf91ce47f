import type { ForwardHopView, ForwardInboxItemView } from '../contract/forwarding.js';
import type { HopRow } from '../orders/order-hop.repository.js';

/** A hop as the chain and the inbox show it: whitelisted fields, names of both units. */
export const presentHop = (h: HopRow): ForwardHopView<Date> => ({
  id: h.id,
  depth: h.depth,
  fromUnitId: h.from_unit_id,
  fromUnitName: h.from_unit_name,
  toUnitId: h.to_unit_id,
  toUnitName: h.to_unit_name,
  toUnitKind: h.to_unit_kind,
  note: h.note,
  dueAt: h.due_at,
  state: h.state,
  forwardedAt: h.forwarded_at,
  signedAt: h.signed_at,
  repliedAt: h.replied_at,
  replyResult: h.reply_result,
  replyText: h.reply_text,
  closedAt: h.closed_at,
  closedReason: h.closed_reason,
});

type InboxRow = HopRow & { order_no: string; title: string; order_state: string; order_version: number };

export const presentInboxItem = (r: InboxRow): ForwardInboxItemView<Date> => ({
  hop: presentHop(r),
  orderId: r.order_id,
  orderNo: r.order_no,
  title: r.title,
  orderState: r.order_state,
  orderVersion: r.order_version,
});
