import type { OrderState } from '../../shared/contract';

/**
 * A colour per open state, grouped as the dispatcher reads them: blue waits for the centre (待派单,
 * 退单), orange is with a unit, green is answered and on its way out; an overdue order is ringed red.
 */
export const STATE_COLOURS: Record<OrderState, string> = {
  accepted: '#1677ff',
  return_requested: '#2f54eb',
  dispatched: '#13c2c2',
  handling: '#fa8c16',
  extension_requested: '#d48806',
  replied: '#52c41a',
  visiting: '#389e0d',
  checking: '#722ed1',
  closed: '#8c8c8c',
  invalid: '#bfbfbf',
  merged: '#bfbfbf',
};
