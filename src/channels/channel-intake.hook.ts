import { MAIN_HOTLINE } from '../contract/channels.js';
import type { IntakeHook } from '../orders/order-hooks.js';
import { invalidField } from '../shared/errors.js';
import { findServiceWindow, mergedLineNumbers } from './channel-register.repository.js';

/**
 * Channels at intake (issue 16, ADR 0175): the window that took a window appeal is one of the centre's
 * active 办不成事 windows, written in the order's one INSERT (orders.window_id); the number a caller
 * dialled is 12345 or a line of the merged-lines register (when the centre keeps one). A plain call
 * through 12345 reads nothing here: the intake's fast path stays one read (ADR 0013).
 */
export const channelIntakeHook: IntakeHook = async ({ tx, input, draft }) => {
  const sourceNumber = input.sourceNumber?.trim() || undefined;
  if (sourceNumber && input.channel !== 'phone') throw invalidField('sourceNumber', 'phone only');
  if (sourceNumber && sourceNumber !== MAIN_HOTLINE) {
    const numbers = await mergedLineNumbers(tx, draft.centre_id);
    if (numbers.length > 0 && !numbers.includes(sourceNumber)) throw invalidField('sourceNumber', 'not a merged line');
  }
  if (!input.windowId) return {};
  if (input.channel !== 'window') throw invalidField('windowId', 'window channel only');
  const window = await findServiceWindow(tx, draft.centre_id, input.windowId);
  if (!window || !window.active) throw invalidField('windowId');
  return { columns: { window_id: window.id } };
};
