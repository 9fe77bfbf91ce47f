import type { WishState } from '../contract/wishes.js';
import type { Executor } from '../db/database.js';
import { appendEntry } from '../points/points-ledger.js';
import type { Clock } from '../shared/clock.js';
import { findUserByUsername } from '../users/user.repository.js';
import { insertWish, markWishPoints, saveWishSettings, upsertClaimer } from '../wishes/wish.repository.js';
import { listResidents } from '../residents/resident.repository.js';
import type { DemoCatalog } from './demo-org.service.js';

const WISHES: { title: string; detail: string; state: WishState; daysAgo: number }[] = [
  { title: '想要一台收音机', detail: '独居老人，眼睛不好，想每天听听广播。', state: 'confirmed', daysAgo: 30 },
  { title: '帮忙修理漏水的水龙头', detail: '家里厨房水龙头一直滴水，自己修不了。', state: 'confirmed', daysAgo: 21 },
  { title: '孩子想要一套课外书', detail: '孩子上三年级，喜欢看书，想要一套儿童读物。', state: 'fulfilled', daysAgo: 12 },
  { title: '冬天想添一床厚棉被', detail: '家里被子薄，冬天夜里冷。', state: 'claimed', daysAgo: 6 },
  { title: '想学用智能手机视频通话', detail: '想和外地的孙子视频，不会用手机。', state: 'open', daysAgo: 3 },
  { title: '轮椅的轮子坏了想换新', detail: '老伴坐轮椅，轮子磨坏了。', state: 'open', daysAgo: 1 },
  { title: '想请人陪同去医院复查', detail: '腿脚不便，下周要去盟医院复查。', state: 'pending', daysAgo: 0 },
  { title: '想要一部新手机', detail: '旧手机用了很多年。', state: 'rejected', daysAgo: 9 },
];

/**
 * The demo's 微心愿 (issue 19): three claimers by rank (`handler` 普通党员, `unitadmin` 班子成员,
 * `countyadmin` 单位主要领导), the default windows, and wishes of the points demo's residents of
 * 团结社区 in every state; the confirmed ones have paid their points.
 */
export async function seedDemoWishes(tx: Executor, clock: Clock, catalog: DemoCatalog): Promise<number> {
  const [member, team, principal] = await Promise.all(
    ['handler', 'unitadmin', 'countyadmin'].map((u) => findUserByUsername(tx, u)),
  );
  if (!member || !team || !principal) return 0;
  const now = clock.now();
  await saveWishSettings(tx, catalog.centreId, { memberHours: 48, teamHours: 24, points: 10 });
  await upsertClaimer(tx, { userId: member.id, centreId: catalog.centreId, rank: 'member', at: now });
  await upsertClaimer(tx, { userId: team.id, centreId: catalog.centreId, rank: 'team', at: now });
  await upsertClaimer(tx, { userId: principal.id, centreId: catalog.centreId, rank: 'principal', at: now });
  const residents = (await listResidents(tx, catalog.centreId, null, 50)).sort((a, b) => a.name.localeCompare(b.name));
  if (residents.length === 0) return 0;
  const day = 86_400_000;
  let n = 0;
  for (const [i, wish] of WISHES.entries()) {
    const r = residents[(i + 1) % residents.length]!;
    const posted = new Date(now.getTime() - wish.daysAgo * day - 3 * 3600_000);
    const opened = wish.state === 'pending' || wish.state === 'rejected' ? null : new Date(posted.getTime() + 3600_000);
    const claimed =
      ['claimed', 'fulfilled', 'confirmed'].includes(wish.state) && opened ? new Date(opened.getTime() + 5 * 3600_000) : null;
    const fulfilled = ['fulfilled', 'confirmed'].includes(wish.state) && claimed ? new Date(claimed.getTime() + 2 * day) : null;
    const confirmedAt = wish.state === 'confirmed' && fulfilled ? new Date(fulfilled.getTime() + 3600_000) : null;
    const { id } = await insertWish(tx, {
      centre_id: catalog.centreId,
      unit_id: r.unit_id,
      resident_id: r.id,
      poster_name: r.name,
      title: wish.title,
      detail: wish.detail,
      source: i % 3 === 0 ? 'staff' : 'portal',
      state: wish.state,
      wall_state: opened ? (confirmedAt ? 'done' : claimed ? 'claimed' : 'open') : null,
      posted_at: posted,
      reviewed_at: wish.state === 'pending' ? null : (opened ?? posted),
      reject_reason: wish.state === 'rejected' ? '不属于微心愿范围（价值较高），建议通过其他渠道解决' : null,
      open_at: opened,
      claimed_by: claimed ? member.id : null,
      claimed_unit_id: claimed ? member.unit_id : null,
      claim_rank: claimed ? 'member' : null,
      claimed_at: claimed,
      proof_text: fulfilled ? '已送到居民家中，居民表示感谢' : null,
      fulfilled_at: fulfilled,
      confirmed_at: confirmedAt,
    });
    if (confirmedAt) {
      const entry = await appendEntry(tx, {
        centreId: catalog.centreId,
        residentId: r.id,
        kind: 'wish_fulfilled',
        activityKind: null,
        ruleId: null,
        points: 10,
        note: wish.title,
        evidence: '已送到居民家中，居民表示感谢',
        byUserId: null,
        itemId: null,
        quantity: null,
        correctsEntryId: null,
        sourceKey: `wish:${id}`,
        at: now,
      });
      await markWishPoints(tx, id, entry.id, 10);
    }
    n++;
  }
  return n;
}
