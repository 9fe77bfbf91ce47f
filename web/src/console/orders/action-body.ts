import type { Dayjs } from 'dayjs';
import { ApiError } from '../../shared/api';
import { withoutBlankTexts } from '../../shared/blank-text';
import { fetchOrderDetail } from '../api/queries';
import type { OrderAction } from '../api/types';

/** The form field a server error names ("body.text" → "text"), when this form has it. */
export function formFieldOf(e: unknown, fields: Record<string, unknown>): string | undefined {
  if (!(e instanceof ApiError) || !e.field) return undefined;
  const name = e.field.replace(/^body\./, '');
  return name in fields ? name : undefined;
}

/** Turns the form's values into the action's body (dates to ISO, order numbers to ids, no blank texts). */
export async function toBody(action: OrderAction, values: Record<string, unknown>): Promise<Record<string, unknown>> {
  // The re-dispatch of 同意并改派 is its own request, sent after the approval (see submit).
  const {
    note,
    intoOrder,
    newDeadline,
    deadline,
    redispatchLeadUnitId: _lead,
    redispatchAssistUnitIds: _assist,
    ...rest
  } = values;
  const body: Record<string, unknown> = { ...rest, note };
  if (action === 'forward' && deadline) body.deadline = (deadline as Dayjs).toDate().toISOString();
  if (action === 'request_extension' && newDeadline) body.newDeadline = (newDeadline as Dayjs).toDate().toISOString();
  if (action === 'merge' && typeof intoOrder === 'string') {
    const target = await fetchOrderDetail(intoOrder.trim());
    body.intoOrderId = target.order.id;
  }
  if ((action === 'visit_close' || action === 'direct_visit') && body.reached === false) {
    delete body.satisfaction;
    delete body.resolved;
  }
  return withoutBlankTexts(body);
}
