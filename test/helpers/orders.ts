import type { Order } from '../../src/db/schema.js';
import { acceptOrder } from '../../src/orders/order-intake.service.js';
import { transitionOrder } from '../../src/orders/order-transition.service.js';
import type { ActionPayload, OrderAction } from '../../src/orders/order-actions.schemas.js';
import type { NewOrderInput } from '../../src/orders/order.schemas.js';
import type { Actor } from '../../src/users/roles.js';
import type { World } from './fixtures.js';

export function newOrder(world: World, overrides: Partial<NewOrderInput> = {}, actor: Actor = world.actors.operator) {
  return acceptOrder(world.deps, actor, {
    channel: 'phone',
    appealType: 'complaint',
    priority: 3,
    title: '小区供暖不热',
    content: '家里暖气温度只有十五度，请尽快处理。',
    callerName: '张三',
    callerPhone: '13812341234',
    categoryId: world.categoryId,
    regionId: world.regionId,
    ...overrides,
  });
}

export function act<A extends OrderAction>(
  world: World,
  actor: Actor,
  order: Order,
  action: A,
  payload: ActionPayload<A>,
  note?: string,
) {
  return transitionOrder(world.deps, { orderId: order.id, action, version: order.version, payload, actor, note });
}

/** Takes an order from intake to the return visit (state `visiting`), dispatched to `unitId`. */
export async function toVisiting(world: World, unitId = world.units.deptA1.id) {
  let o = await newOrder(world);
  o = await act(world, world.actors.dispatcher, o, 'dispatch', { leadUnitId: unitId });
  o = await act(world, world.actors.unit_handler, o, 'sign', {});
  o = await act(world, world.actors.unit_handler, o, 'reply', { result: 'resolved', text: '已处理' });
  o = await act(world, world.actors.supervisor, o, 'review_accept', {});
  return o;
}
