import type { OrderView } from '../contract/orders.js';
import type { AppealType, Channel, OrderState } from '../contract/vocabulary.js';
import type { Order } from '../db/schema.js';
import { maskName, maskPhone } from './masking.js';
import { presentOrderTimeLimit } from './order-time-limit.presenter.js';

/** The whitelisted fields of an order as the API shows them; caller identity masked unless allowed. */
/** `now` (the injected clock) lets the time limit show its warning level and remaining time. */
export function presentOrder(order: Order, options: { unmasked: boolean; now?: Date }): OrderView<Date> {
  const confidentialHidden = !options.unmasked;
  return {
    id: order.id,
    orderNo: order.order_no,
    // The database's check constraints hold these columns to the contract's vocabularies.
    channel: order.channel as Channel,
    sourceNumber: order.source_number,
    windowId: order.window_id,
    appealType: order.appeal_type as AppealType,
    categoryId: order.category_id,
    priority: order.priority,
    title: order.title,
    content: order.content,
    caller: {
      name: confidentialHidden ? maskName(order.caller_name) : order.caller_name,
      phone: confidentialHidden ? maskPhone(order.caller_phone) : order.caller_phone,
      confidential: order.caller_confidential,
      masked: confidentialHidden,
    },
    regionId: order.region_id,
    address: order.address,
    point: order.lat !== null && order.lng !== null ? { lat: order.lat, lng: order.lng } : null,
    state: order.state as OrderState,
    version: order.version,
    leadUnitId: order.lead_unit_id,
    deskUnitId: order.desk_unit_id,
    handledDirectly: order.handled_directly,
    closureKind: order.closure_kind,
    dispatchCount: order.dispatch_count,
    rehandleCount: order.rehandle_count,
    escalated: order.escalated,
    mergedIntoId: order.merged_into_id,
    replyResult: order.reply_result,
    satisfaction: order.satisfaction,
    resolved: order.resolved,
    acceptedAt: order.accepted_at,
    dispatchedAt: order.dispatched_at,
    closedAt: order.closed_at,
    updatedAt: order.updated_at,
    timeLimit: presentOrderTimeLimit(order, options.now),
  };
}

export type OrderDto = OrderView<Date>;
