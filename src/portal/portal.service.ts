import { timingSafeEqual } from 'node:crypto';
import { readSealedFile } from '../attachments/attachment-files.js';
import path from 'node:path';
import type { Order } from '../db/schema.js';
import { text } from '../i18n/messages.js';
import { transitionOrder } from '../orders/order-transition.service.js';
import { isDissatisfied, type CitizenVisitMethod, type Satisfaction } from '../contract/vocabulary.js';
import type { OrderDeps as Deps } from '../orders/order-hooks.js';
import { DomainError, domainError, notFound } from '../shared/errors.js';
import { systemActor, type Actor } from '../users/roles.js';
import { clearWrongQueryCodes, countWrongQueryCode, withGuessToken } from './portal-rate-limit.service.js';
import { presentProgress, PUBLIC_STEPS } from './portal.presenter.js';
import {
  findOrderByNumber,
  findPortalCentre,
  findPromisedReplyBy,
  findWebRatingComment,
  listCitizenPhotos,
  listPublicEvents,
} from './portal.repository.js';
import type { PortalKey, PortalProgress } from '../contract/portal-views.js';
import type { PortalRatingInput } from './portal.schemas.js';

/** The centre this portal serves (config LIANXIN_PORTAL_CENTRE, else the oldest centre). */
export async function portalCentre(deps: Deps) {
  const centre = await findPortalCentre(deps.db, deps.settings.portalCentreCode);
  if (!centre) throw domainError('NOT_FOUND', 'error.portalUnavailable');
  return centre;
}

/** The portal acts as a system actor whose only extra right is the web return visit (ADR 0030). */
export const citizenActor = (centreId: string): Actor => ({
  ...systemActor(centreId, text('portal.actor').zh),
  systemRole: 'citizen',
});

const sameCode = (given: string, stored: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(stored);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * The order behind a number and query code. A wrong code answers exactly like an unknown number
 * (404), so order numbers cannot be probed; wrong codes per number are limited (withGuessToken) and
 * consecutive wrong ones lock the number (countWrongQueryCode, ADR 0173).
 */
export async function findByKey(deps: Deps, key: PortalKey): Promise<Order> {
  const centre = await portalCentre(deps);
  const bucket = `${centre.id}:${key.orderNo}`;
  return withGuessToken(deps, bucket, async () => {
    const order = await findOrderByNumber(deps.db, centre.id, key.orderNo);
    if (!order || !sameCode(key.code, order.query_code)) {
      await countWrongQueryCode(deps, { bucket, centreId: centre.id, orderNo: key.orderNo, orderId: order?.id ?? null });
      throw notFound('order');
    }
    await clearWrongQueryCodes(deps, bucket);
    return order;
  });
}

export async function progressOf(deps: Deps, order: Order): Promise<PortalProgress> {
  const [events, photos, promisedBy, ratingComment] = await Promise.all([
    listPublicEvents(deps.db, order.id, PUBLIC_STEPS),
    listCitizenPhotos(deps.db, order.id),
    findPromisedReplyBy(deps.db, order.id),
    findWebRatingComment(deps.db, order.id),
  ]);
  return presentProgress(order, {
    events: events.map((e) => ({ action: e.action, at: e.at, payload: e.payload })),
    photoIds: photos.map((p) => p.id),
    promisedBy,
    ratingComment,
  });
}

export async function lookupAppeal(deps: Deps, key: PortalKey): Promise<PortalProgress> {
  return progressOf(deps, await findByKey(deps, key));
}

/** The citizen's own rating: satisfaction, their judgement 已解决/未解决, an optional comment. */
export interface CitizenRating {
  satisfaction: Satisfaction;
  resolved: boolean;
  comment?: string;
}

/**
 * The citizen's rating is the order's return visit (回访, method web or sms_link): it goes through
 * transitionOrder like every state change, so the table decides when it is allowed (only in
 * `visiting`, or a 直办 order's one visit) and a second rating or a concurrent phone visit gets a 409.
 * 满意 and 已解决 close the order; 不满意 or 未解决 go to the centre's check (待核查, ADR 0135): never
 * closed silently. A 直办 order stays closed (`direct_visit`, ADR 0202).
 */
export async function recordCitizenVisit(
  deps: Deps,
  order: Order,
  rating: CitizenRating,
  method: CitizenVisitMethod,
): Promise<Order> {
  const common = {
    orderId: order.id,
    version: order.version,
    note: rating.comment?.trim() || null,
    actor: citizenActor(order.centre_id),
  };
  const { satisfaction, resolved } = rating;
  if (order.state === 'closed') {
    return transitionOrder(deps, {
      ...common,
      action: 'direct_visit',
      payload: { reached: true, satisfaction, resolved, method },
    });
  }
  return isDissatisfied(satisfaction, resolved)
    ? transitionOrder(deps, { ...common, action: 'visit_check', payload: { satisfaction, resolved, method } })
    : transitionOrder(deps, { ...common, action: 'visit_close', payload: { reached: true, satisfaction, resolved, method } });
}

export async function rateAppeal(deps: Deps, input: PortalRatingInput): Promise<PortalProgress> {
  const order = await findByKey(deps, input);
  if (order.state !== 'visiting') throw domainError('INVALID_TRANSITION', 'error.portalCannotRate', {}, { state: order.state });
  try {
    return progressOf(deps, await recordCitizenVisit(deps, order, input, 'web'));
  } catch (error) {
    if (error instanceof DomainError && (error.code === 'INVALID_TRANSITION' || error.code === 'CONFLICT')) {
      throw domainError('INVALID_TRANSITION', 'error.portalCannotRate', {}, { state: order.state });
    }
    throw error;
  }
}

/** One of the citizen's own photos of the appeal, for the progress page (staff files are not served). */
export async function openCitizenPhoto(deps: Deps, key: PortalKey, photoId: string) {
  const order = await findByKey(deps, key);
  const photo = (await listCitizenPhotos(deps.db, order.id)).find((p) => p.id === photoId);
  if (!photo) throw notFound('attachment');
  return { contentType: photo.content_type, data: await readSealedFile(deps.db, path.join(deps.dataDir, photo.storage_key)) };
}
