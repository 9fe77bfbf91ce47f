import type { OrderDeps as Deps } from '../orders/order-hooks.js';
import { acceptOrder } from '../orders/order-intake.service.js';
import { setOwnOptOut } from '../notifications/citizen-opt-out.service.js';
import { findUserByUsername } from '../users/user.repository.js';
import type { Actor } from '../users/roles.js';
import type { DemoCatalog } from './demo-org.service.js';

/** A demo caller who switched SMS notices off on the portal's 我的诉求 (their next receipt is 未发送). */
export const DEMO_OPTED_OUT_PHONE = '13947100088';

/**
 * Issue 16, notices the citizen chose: one call whose caller declined SMS at intake and left an e-mail
 * (the receipt goes by mail only; without a mail server it waits on the staff outbox page), and one
 * caller who opted out on the portal before calling again (the receipt is recorded as not sent).
 */
export async function seedDemoCitizenNoticeChoices(deps: Deps, catalog: DemoCatalog): Promise<number> {
  const user = await findUserByUsername(deps.db, 'operator');
  const operator: Actor = {
    kind: 'user',
    userId: user?.id ?? null,
    centreId: catalog.centreId,
    unitId: catalog.centreUnit.id,
    unitPath: catalog.centreUnit.path,
    roles: ['operator'],
    label: user?.display_name ?? 'operator',
  };
  const county = catalog.counties[0]!;
  const base = { channel: 'phone' as const, appealType: 'consult' as const, priority: 3, regionId: county.regionId };
  await acceptOrder(deps, operator, {
    ...base,
    title: '咨询居住证办理材料',
    content: '来电咨询外地户籍人员在锡林浩特市办理居住证需要哪些材料，希望把材料清单发到邮箱。',
    callerName: '周女士',
    callerPhone: '13947100087',
    citizenContact: { sms: false, email: 'zhou.citizen@example.org' },
  });
  await setOwnOptOut(deps.db, {
    centreId: catalog.centreId,
    phone: DEMO_OPTED_OUT_PHONE,
    optedOut: true,
    at: deps.clock.now(),
  });
  await acceptOrder(deps, operator, {
    ...base,
    title: '咨询供暖费缴纳时间',
    content: '来电咨询今年供暖费的缴纳截止时间和线上缴费渠道。',
    callerName: '马先生',
    callerPhone: DEMO_OPTED_OUT_PHONE,
  });
  return 2;
}
