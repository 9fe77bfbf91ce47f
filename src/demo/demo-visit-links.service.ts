import type { Order, Unit } from '../db/schema.js';
import { effectiveNoticeSettings } from '../notifications/citizen-notice-settings.js';
import { upsertNoticeSettings } from '../notifications/citizen-notice.repository.js';
import type { ActionPayload, OrderAction } from '../orders/order-actions.schemas.js';
import type { OrderDeps as Deps } from '../orders/order-hooks.js';
import { acceptOrder } from '../orders/order-intake.service.js';
import { transitionOrder } from '../orders/order-transition.service.js';
import { ManualClock } from '../shared/clock.js';
import type { Actor, Role } from '../users/roles.js';
import { findUserByUsername } from '../users/user.repository.js';
import { rateVisitLink } from '../visits/visit-link-portal.service.js';
import { issueVisitLink } from '../visits/visit-link.service.js';
import { fallBackUnansweredLinks, sampleDirectOrders } from '../visits/visit-queue.service.js';
import { DEMO_HANDLER_UNIT, type DemoCatalog } from './demo-org.service.js';

const HOUR = 3_600_000;
/** The demo centre draws one in ten 直办 orders for a return visit. */
const DEMO_DIRECT_SHARE = 0.1;

const APPEALS = [
  { title: '小区路灯不亮', content: '希日塔拉街道团结社区3号楼前两盏路灯不亮，晚上出行不便。', link: 'live' },
  { title: '单元门禁损坏', content: '额尔敦社区5号楼单元门禁损坏一周，外来人员随意进出。', link: 'live' },
  { title: '楼道堆放杂物', content: '宝力根社区8号楼楼道堆放大量杂物，存在消防隐患。', link: 'answered' },
  { title: '供水压力不足', content: '杭盖社区12号楼高层供水压力不足，早晚高峰几乎没水。', link: 'fell_back' },
] as const;

async function demoActor(deps: Deps, username: string, role: Role, unit: Unit): Promise<Actor> {
  const user = await findUserByUsername(deps.db, username);
  return {
    kind: 'user',
    userId: user?.id ?? null,
    centreId: unit.centre_id,
    unitId: unit.id,
    unitPath: unit.path,
    roles: [role],
    label: user?.display_name ?? username,
  };
}

/**
 * Return visits by SMS link (issue 16, ADR 0202): four replied appeals awaiting their visit, each sent a
 * link by the supervisor — two still waiting (their held notices on the staff outbox page carry the
 * links), one rated through its link, one unanswered and fallen back to the phone (短信未回复). The centre
 * samples a tenth of its 直办 orders into the visit queue, drawn from the history's last week.
 */
export async function seedDemoVisitLinks(deps: Deps, catalog: DemoCatalog): Promise<{ links: number; sampled: number }> {
  const unit = catalog.units.find((u) => u.name === DEMO_HANDLER_UNIT)!;
  const [operator, dispatcher, supervisor, handler] = await Promise.all([
    demoActor(deps, 'operator', 'operator', catalog.centreUnit),
    demoActor(deps, 'dispatcher', 'dispatcher', catalog.centreUnit),
    demoActor(deps, 'supervisor', 'supervisor', catalog.centreUnit),
    demoActor(deps, 'handler', 'unit_handler', unit),
  ]);
  const settings = await effectiveNoticeSettings(deps.db, catalog.centreId);
  await upsertNoticeSettings(deps.db, {
    centreId: catalog.centreId,
    ...settings,
    directVisitShare: DEMO_DIRECT_SHARE,
    at: deps.clock.now(),
  });
  const now = deps.clock.now().getTime();
  for (const [i, a] of APPEALS.entries()) {
    // The fallen-back link went out before its 48 hours; the others this morning.
    const clock = new ManualClock(new Date(now - (a.link === 'fell_back' ? 60 : 8 - i) * HOUR));
    const d: Deps = { ...deps, clock };
    const step = async <A extends OrderAction>(o: Order, actor: Actor, action: A, payload: ActionPayload<A>) => {
      clock.advance(HOUR / 2);
      return transitionOrder(d, { orderId: o.id, action, version: o.version, payload, actor });
    };
    let o = await acceptOrder(d, operator, {
      channel: 'phone',
      appealType: 'complaint',
      priority: 3,
      title: a.title,
      content: a.content,
      regionId: catalog.counties[0]!.regionId,
      callerName: ['韩女士', '白先生', '乌云其其格', '巴特尔'][i]!,
      callerPhone: `1384791${String(3100 + i)}`,
    });
    o = await step(o, dispatcher, 'dispatch', { leadUnitId: unit.id });
    o = await step(o, handler, 'sign', {});
    o = await step(o, handler, 'reply', { result: 'resolved', text: '已安排人员现场处理完毕，并电话告知来电人。' });
    o = await step(o, supervisor, 'review_accept', {});
    clock.advance(HOUR / 2);
    const { token } = await issueVisitLink(d, supervisor, o.id);
    if (a.link === 'answered') {
      clock.advance(2 * HOUR);
      await rateVisitLink(d, token, { satisfaction: 'satisfied', resolved: true, comment: '处理很快，谢谢。' });
    }
  }
  await fallBackUnansweredLinks(deps);
  return { links: APPEALS.length, sampled: await sampleDirectOrders(deps) };
}
