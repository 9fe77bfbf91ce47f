import { text, type MessageKey } from '../i18n/messages.js';
import type { Deps } from '../shared/deps.js';
import { domainError, invalidField, notFound } from '../shared/errors.js';
import { recordOrderEvent } from '../orders/timeline-events.js';
import { lockOrders } from '../orders/order.repository.js';
import { PUBLIC_STEPS } from '../portal/portal.presenter.js';
import { refuseApiCaller, type ApiCaller } from '../apiclients/api-auth.service.js';
import type { Open311Value } from './open311-format.js';
import { requestWindow, w3c, type Form } from './open311-requests.service.js';
import { findClientComment, findClientOrder, listClientUpdates } from './open311.repository.js';

const MAX_UPDATES = 1000;

/** mySociety's extended statuses for each public step (the fine state of the lifecycle). */
function extendedStatus(action: string, payload: Record<string, unknown>): string {
  switch (action) {
    case 'accept':
    case 'approve_return':
      return 'OPEN';
    case 'merge':
      return 'DUPLICATE';
    case 'reject':
      return payload.reason === 'lawful_channel' ? 'NOT_COUNCILS_RESPONSIBILITY' : 'NO_FURTHER_ACTION';
    case 'visit_rehandle':
    case 'unmerge':
      return 'REOPEN';
    case 'visit_check':
      return 'INVESTIGATING';
    case 'visit_close':
    case 'check_close':
    case 'answer_directly':
      return 'FIXED';
    case 'reply':
    case 'review_accept':
      return 'ACTION_SCHEDULED';
    default:
      return 'IN_PROGRESS';
  }
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * GET servicerequestupdates: the public steps of the appeals this client submitted (never another
 * client's, never a confidential one), in the window (default the last 90 days). `update_id` is the
 * timeline event's id, stable, so a client skips what it has seen.
 */
export async function listUpdates(deps: Deps, caller: ApiCaller, q: { start_date?: string; end_date?: string }) {
  const { from, to } = requestWindow(deps.clock.now(), q.start_date, q.end_date);
  const rows = await listClientUpdates(deps.db, {
    clientId: caller.clientId,
    centreId: caller.centreId,
    from,
    to,
    steps: PUBLIC_STEPS,
    limit: MAX_UPDATES,
  });
  return rows.map((e) => {
    const payload = (e.payload ?? {}) as Record<string, unknown>;
    const step = text(`portal.step.${e.action}` as MessageKey, { unit: str(payload.leadUnitName) }).zh;
    const answer = e.action === 'answer_directly' ? str(payload.answer) : '';
    return {
      update_id: String(e.id),
      service_request_id: e.order_no,
      status: extendedStatus(e.action, payload),
      updated_datetime: w3c(e.at)!,
      description: answer ? `${step}：${answer}` : step,
      media_url: e.media_url,
      ...(e.external_id && { fixmystreet_id: e.external_id }),
    };
  }) satisfies Open311Value;
}

/**
 * POST servicerequestupdates: the client adds the citizen's words to an appeal it submitted. The
 * words are a timeline step (`external_comment`) for the handling staff; the state does not change.
 * Idempotent on the client's `update_id`: a retry (FixMyStreet resends when an answer is lost) finds
 * the step the first attempt wrote and answers its id, recording nothing twice. The order's row is
 * locked while looking, so two retries at once cannot both write.
 */
export async function postUpdate(deps: Deps, caller: ApiCaller, form: Form) {
  const get = (k: string) => {
    const v = form[k];
    const s = Array.isArray(v) ? v[0] : v;
    return s === undefined || s.trim() === '' ? undefined : s.trim();
  };
  const id = get('service_request_id');
  if (!id) throw invalidField('service_request_id');
  const description = get('description');
  if (!description) throw invalidField('description');
  if (description.length > 4000) throw invalidField('description', 'at most 4000 characters');
  if (/<\s*[a-zA-Z!/?]/.test(description)) throw domainError('VALIDATION', 'open311.noHtml', {}, { field: 'description' });
  const updateId = get('update_id') ?? null;
  if (updateId && updateId.length > 100) throw invalidField('update_id');
  const order = await findClientOrder(deps.db, caller.centreId, id);
  if (!order || order.caller_confidential) throw notFound('serviceRequest');
  if (order.api_client_id !== caller.clientId) {
    return refuseApiCaller(
      deps,
      caller,
      'not_own_request',
      { serviceRequestId: id },
      domainError('FORBIDDEN', 'open311.notOwnRequest'),
    );
  }
  const mediaUrl = get('media_url') ?? null;
  if (mediaUrl && !/^https?:\/\/\S+$/.test(mediaUrl)) throw invalidField('media_url');
  const at = deps.clock.now();
  const eventId = await deps.db.transaction().execute(async (tx) => {
    const [locked] = await lockOrders(tx, order.centre_id, [order.id]);
    const earlier = updateId ? await findClientComment(tx, order.id, caller.name, updateId) : undefined;
    if (earlier) return earlier.id;
    const event = await recordOrderEvent(tx, locked ?? order, {
      kind: 'external_comment',
      by: { system: caller.name },
      at,
      note: description,
      payload: { client: caller.name, updateId, mediaUrl },
    });
    return event.id;
  });
  return [{ update_id: String(eventId) }] satisfies Open311Value;
}
