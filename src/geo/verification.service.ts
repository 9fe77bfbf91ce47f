import {
  VERIFY_REQUEST_ROLES,
  type CoordSystem,
  type VerificationResult,
  type VerificationState,
  type VerificationTaskView,
} from '../contract/geo.js';
import { notify } from '../notifications/notify.js';
import { FINAL_STATES, type OrderState } from '../orders/order.constants.js';
import { loadVisibleOrder } from '../orders/order-query.service.js';
import { recordOrderEvent } from '../orders/timeline-events.js';
import { distanceMetres, toWgs84 } from '../shared/coordinates.js';
import type { Deps } from '../shared/deps.js';
import { domainError, forbidden, invalidField, notFound } from '../shared/errors.js';
import { endTaskDeadlines } from '../timelimits/deadline.repository.js';
import { startTaskClock } from '../timelimits/deadline.service.js';
import { loadTimelimitContext } from '../timelimits/timelimit-context.js';
import { hasAnyRole, type Actor } from '../users/roles.js';
import { findAttachment } from '../attachments/attachment.repository.js';
import { presentAttachment } from '../attachments/attachment.presenter.js';
import { MEDIA_TYPES } from '../attachments/file-type.js';
import { checkFile, recordOrderFile, withStoredFiles, type UploadedFile } from '../attachments/order-files.js';
import type { AttachmentView } from '../contract/orders.js';
import {
  insertVerificationTask,
  markVerificationAnswered,
  selectGridWorkers,
  selectVerificationTasks,
  selectWorkerGridIds,
  type VerificationTaskRow,
} from './verification.repository.js';

const LIST_LIMIT = 200;
const isWorker = (actor: Actor) => hasAnyRole(actor, ['gridworker']);

function present(r: VerificationTaskRow, now: Date): VerificationTaskView<Date> {
  return {
    id: r.id,
    orderId: r.order_id,
    orderNo: r.order_no,
    orderTitle: r.order_title,
    address: r.address,
    point: r.lat !== null && r.lng !== null ? { lat: r.lat, lng: r.lng } : null,
    gridId: r.grid_id,
    gridName: r.grid_name,
    state: r.state,
    requestNote: r.request_note,
    requestedAt: r.requested_at,
    dueAt: r.due_at,
    overdue: r.state === 'pending' ? r.due_at.getTime() < now.getTime() : r.answered_at !== null && r.answered_at > r.due_at,
    result: r.result,
    answerNote: r.answer_note,
    answerPoint: r.answer_lat !== null && r.answer_lng !== null ? { lat: r.answer_lat, lng: r.answer_lng } : null,
    distanceMetres: r.distance_m === null ? null : Math.round(r.distance_m),
    far: r.far,
    answeredAt: r.answered_at,
    photoId: r.photo_id,
  };
}

/**
 * 现场核实: the centre sends an order to the grid of its point. The task goes to the unit of the grid's
 * first worker and runs its own clock (stage `verify`, LIANXIN_VERIFY_MINUTES, 2 h by default) through
 * the time-limit monitor's ladder like any task clock (ADR 0152, 0186); the grid's workers are told.
 */
export async function requestVerification(
  deps: Deps,
  actor: Actor,
  idOrNo: string,
  input: { note?: string },
): Promise<VerificationTaskView<Date>> {
  if (!hasAnyRole(actor, VERIFY_REQUEST_ROLES)) throw forbidden();
  const order = await loadVisibleOrder(deps, actor, idOrNo);
  if (FINAL_STATES.includes(order.state as OrderState)) throw domainError('CONFLICT', 'verify.orderClosed');
  if (!order.grid_id) throw invalidField('order', 'no grid: the order has no point inside a grid');
  const workers = await selectGridWorkers(deps.db, order.grid_id);
  if (workers.length === 0) throw invalidField('order', 'the grid has no grid worker');
  const at = deps.clock.now();
  const dueAt = new Date(at.getTime() + deps.settings.verifyMinutes * 60_000);
  const note = input.note?.trim() || null;
  return deps.db.transaction().execute(async (tx) => {
    const task = await insertVerificationTask(tx, {
      centreId: order.centre_id,
      orderId: order.id,
      gridId: order.grid_id!,
      unitId: workers[0]!.unit_id,
      by: actor.userId,
      note,
      at,
      dueAt,
    });
    const limit = `${deps.settings.verifyMinutes} 分钟内现场核实`;
    await startTaskClock(tx, await loadTimelimitContext(tx, order), order, at, {
      taskId: task.id,
      unitId: task.unit_id,
      stage: 'verify',
      dueAt,
      note: limit,
    });
    const gridName = workers[0]!.grid_name;
    await recordOrderEvent(tx, order, {
      kind: 'verify_request',
      by: actor,
      at,
      note: note ?? undefined,
      payload: { taskId: task.id, gridId: task.grid_id, gridName, dueAt: dueAt.toISOString(), byRule: false },
    });
    await notify(
      tx,
      {
        kind: 'verify.request',
        centreId: order.centre_id,
        orderId: order.id,
        textKey: 'notice.verifyRequest',
        vars: { orderNo: order.order_no, grid: gridName, minutes: deps.settings.verifyMinutes },
        audience: { userIds: workers.map((w) => w.user_id!) },
        sourceKey: `verify-request:${task.id}`,
      },
      at,
    );
    const [row] = await selectVerificationTasks(tx, order.centre_id, { id: task.id, limit: 1 });
    return present(row!, at);
  });
}

/** A pending task of one of the worker's own grids (anyone else: 403; another grid's task: 404). */
async function loadOwnPendingTask(deps: Deps, actor: Actor, taskId: string) {
  const userId = actor.userId;
  if (!isWorker(actor) || !userId) throw forbidden();
  const grids = await selectWorkerGridIds(deps.db, userId);
  const [task] = await selectVerificationTasks(deps.db, actor.centreId, { id: taskId, gridIds: grids, limit: 1 });
  if (!task) throw notFound('verificationTask');
  if (task.state !== 'pending') throw domainError('CONFLICT', 'verify.notPending');
  return { task, userId };
}

/**
 * The photo (or short video) taken on site, before the answer: the grid worker does not read orders,
 * so it is uploaded through the task and stored as an attachment of the task's order (an `attach`
 * step on its timeline, by the worker), then named in the answer by its id.
 */
export async function attachVerificationPhoto(
  deps: Deps,
  actor: Actor,
  taskId: string,
  file: UploadedFile,
): Promise<AttachmentView<Date>> {
  const { task, userId } = await loadOwnPendingTask(deps, actor, taskId);
  const at = deps.clock.now();
  const checked = checkFile(deps.settings, file, { field: 'file', centreId: actor.centreId, at, allowed: MEDIA_TYPES });
  const order = { id: task.order_id, centre_id: actor.centreId, state: task.order_state };
  const row = await withStoredFiles(deps, [checked], () =>
    deps.db.transaction().execute((tx) => recordOrderFile(tx, order, checked, { author: actor, userId, at })),
  );
  return presentAttachment(row);
}

/** The photo named on an answer: an attachment of the task's own order, else 400 photoId. */
async function checkAnswerPhoto(deps: Deps, orderId: string, photoId: string | undefined): Promise<string | null> {
  if (!photoId) return null;
  const photo = await findAttachment(deps.db, photoId);
  if (!photo || photo.order_id !== orderId) throw invalidField('photoId', 'not a photo of this task');
  return photo.id;
}

/** The phone's point in WGS-84, or null when it gave none; half a point is a fault of the missing half. */
function answerPoint(input: { lat?: number; lng?: number; coordSystem?: CoordSystem }) {
  if (input.lat === undefined && input.lng === undefined) return null;
  if (input.lat === undefined) throw invalidField('lat');
  if (input.lng === undefined) throw invalidField('lng');
  return toWgs84({ lat: input.lat, lng: input.lng }, input.coordSystem ?? 'wgs84');
}

/**
 * The grid worker's answer from the site: result, note, the phone's point (converted to WGS-84), the
 * photo taken there and the time; a point farther than LIANXIN_VERIFY_FAR_METRES from the order's
 * point is flagged `far`. A phone that refused its position still answers: no point, no distance,
 * `far` null ("no position" on the timeline). Only a worker of the task's grid answers (anyone else:
 * 404); a task already answered is 409.
 */
export async function answerVerification(
  deps: Deps,
  actor: Actor,
  taskId: string,
  input: {
    result: VerificationResult;
    note?: string;
    lat?: number;
    lng?: number;
    coordSystem?: CoordSystem;
    photoId?: string;
  },
): Promise<VerificationTaskView<Date>> {
  const { task, userId } = await loadOwnPendingTask(deps, actor, taskId);
  const at = deps.clock.now();
  const point = answerPoint(input);
  const photoId = await checkAnswerPhoto(deps, task.order_id, input.photoId);
  const distance =
    point && task.lat !== null && task.lng !== null ? distanceMetres(point, { lat: task.lat, lng: task.lng }) : null;
  const far = point === null ? null : distance !== null && distance > deps.settings.verifyFarMetres;
  const note = input.note?.trim() || null;
  return deps.db.transaction().execute(async (tx) => {
    const done = await markVerificationAnswered(tx, task.id, {
      result: input.result,
      note,
      lat: point?.lat ?? null,
      lng: point?.lng ?? null,
      distance,
      far,
      photoId,
      by: userId,
      at,
    });
    if (!done) throw domainError('CONFLICT', 'verify.notPending');
    await endTaskDeadlines(tx, task.id, 'met', at, ['verify']);
    const order = { id: task.order_id, centre_id: actor.centreId, state: task.order_state };
    await recordOrderEvent(tx, order, {
      kind: 'verify_answer',
      by: actor,
      at,
      note: note ?? undefined,
      payload: {
        taskId: task.id,
        gridName: task.grid_name,
        result: input.result,
        lat: point?.lat ?? null,
        lng: point?.lng ?? null,
        distanceMetres: distance === null ? null : Math.round(distance),
        far: far === true,
        late: at.getTime() > task.due_at.getTime(),
        photoId,
      },
    });
    await notify(
      tx,
      {
        kind: 'verify.answer',
        centreId: actor.centreId,
        orderId: task.order_id,
        textKey: far ? 'notice.verifyAnswerFar' : 'notice.verifyAnswer',
        vars: { orderNo: task.order_no, grid: task.grid_name },
        audience: { centreRoles: ['dispatcher'], userIds: done.requested_by ? [done.requested_by] : [] },
        sourceKey: `verify-answer:${task.id}`,
      },
      at,
    );
    const [row] = await selectVerificationTasks(tx, actor.centreId, { id: task.id, limit: 1 });
    return present(row!, at);
  });
}

/**
 * The verification tasks a person may read: a grid worker those of their own grids only; the centre's
 * dispatchers and supervisors every task of the centre. Anyone else: 403.
 */
export async function listVerificationTasks(
  deps: Deps,
  actor: Actor,
  query: { state?: VerificationState },
): Promise<{ items: VerificationTaskView<Date>[] }> {
  let gridIds: string[] | undefined;
  if (isWorker(actor)) gridIds = actor.userId ? await selectWorkerGridIds(deps.db, actor.userId) : [];
  else if (!hasAnyRole(actor, VERIFY_REQUEST_ROLES)) throw forbidden();
  const rows = await selectVerificationTasks(deps.db, actor.centreId, { gridIds, state: query.state, limit: LIST_LIMIT });
  const now = deps.clock.now();
  return { items: rows.map((r) => present(r, now)) };
}

/** The order page's 现场核实 section: every task of an order the reader can see. */
export async function listOrderVerifications(
  deps: Deps,
  actor: Actor,
  idOrNo: string,
): Promise<{ items: VerificationTaskView<Date>[] }> {
  const order = await loadVisibleOrder(deps, actor, idOrNo);
  const rows = await selectVerificationTasks(deps.db, order.centre_id, { orderId: order.id, limit: LIST_LIMIT });
  const now = deps.clock.now();
  return { items: rows.map((r) => present(r, now)) };
}
