import type { VisitLinkPage, VisitLinkRated, VisitLinkRating } from '../contract/visits.js';
import { isDissatisfied } from '../contract/vocabulary.js';
import { runUnitOfWork } from '../db/unit-of-work.js';
import type { Order } from '../db/schema.js';
import { text } from '../i18n/messages.js';
import type { OrderDeps } from '../orders/order-hooks.js';
import { findOrder } from '../orders/order.repository.js';
import { progressOf, recordCitizenVisit } from '../portal/portal.service.js';
import { portalStage } from '../portal/portal.presenter.js';
import { DomainError, domainError } from '../shared/errors.js';
import { findCentreName, findLinkByHash, markLinkUsed } from './visit-link.repository.js';
import { hashVisitToken, isVisitToken } from './visit-link-token.js';
import { awaitsVisit } from './visit-link.service.js';

type LinkRow = NonNullable<Awaited<ReturnType<typeof findLinkByHash>>>;

const gone = (key: 'visitLink.used' | 'visitLink.expired' | 'visitLink.visited', reason: string) =>
  domainError('CONFLICT', key, {}, { reason });

/**
 * The link behind a token and its order, if the citizen may still rate through it: unknown → 404;
 * used, expired (= fallen back to the phone) or the order visited meanwhile → 409 with the reason.
 */
async function usableLink(deps: OrderDeps, token: string, lock: boolean): Promise<{ link: LinkRow; order: Order }> {
  const link = isVisitToken(token) ? await findLinkByHash(deps.db, hashVisitToken(token), lock) : undefined;
  if (!link) throw domainError('NOT_FOUND', 'visitLink.notFound');
  if (link.used_at) throw gone('visitLink.used', 'used');
  if (link.fell_back_at || new Date(link.expires_at).getTime() <= deps.clock.now().getTime()) {
    throw gone('visitLink.expired', 'expired');
  }
  const order = await findOrder(deps.db, { centreId: link.centre_id, unitPath: null }, link.order_id);
  if (!order || !(await awaitsVisit(deps.db, order))) throw gone('visitLink.visited', 'visited');
  return { link, order };
}

/** GET /api/portal/visit/:token: the appeal by number, its subject (masked if confidential) and the reply. */
export async function openVisitLink(deps: OrderDeps, token: string): Promise<VisitLinkPage> {
  const { link, order } = await usableLink(deps, token, false);
  const [progress, centreName] = await Promise.all([progressOf(deps, order), findCentreName(deps.db, order.centre_id)]);
  return {
    centreName,
    orderNo: order.order_no,
    // A confidential appeal's subject is not shown, as on 我的诉求 (a phone may be shared).
    title: order.caller_confidential ? text('portal.confidentialTitle').zh : order.title,
    acceptedAt: new Date(order.accepted_at).toISOString(),
    reply: progress.reply,
    expiresAt: new Date(link.expires_at).toISOString(),
  };
}

/**
 * POST /api/portal/visit/:token: the citizen's rating is the order's return visit with method
 * `sms_link`, through the same path as the portal's rating (recordCitizenVisit → transitionOrder:
 * 不满意/未解决 to the centre's check). Spending the link and the visit commit together (one unit of
 * work); the link's row lock makes a double tap wait and then find it used.
 */
export async function rateVisitLink(deps: OrderDeps, token: string, rating: VisitLinkRating): Promise<VisitLinkRated> {
  try {
    const updated = await runUnitOfWork(deps.db, async () => {
      const { link, order } = await usableLink(deps, token, true);
      if (!(await markLinkUsed(deps.db, link.id, deps.clock.now()))) throw gone('visitLink.used', 'used');
      return recordCitizenVisit(deps, order, rating, 'sms_link');
    });
    const stage = portalStage(updated.state);
    return {
      orderNo: updated.order_no,
      satisfaction: rating.satisfaction,
      resolved: rating.resolved,
      toCheck: updated.state !== 'closed' && isDissatisfied(rating.satisfaction, rating.resolved),
      stageText: text(`portal.stage.${stage}`),
    };
  } catch (error) {
    // A phone visit that got there first (the order moved on): said as such, not as a bare conflict.
    const moved =
      error instanceof DomainError &&
      (error.code === 'INVALID_TRANSITION' || (error.code === 'CONFLICT' && !error.details.reason));
    if (moved) throw gone('visitLink.visited', 'visited');
    throw error;
  }
}
