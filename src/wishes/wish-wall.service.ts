import type { WallState, WishWallView } from '../contract/wishes.js';
import { maskName } from '../orders/masking.js';
import { portalCentre } from '../residents/resident.service.js';
import type { Deps } from '../shared/deps.js';
import { invalidField } from '../shared/errors.js';
import { wallPage } from './wish.repository.js';

/**
 * The public 心愿墙: one column (待认领 / 已认领 / 已实现) a page at a time, newest first, over the wall
 * index; the poster's name masked, the claimer shown by unit only, nothing else personal.
 */
export async function wishWall(
  deps: Deps,
  q: { state: WallState; before?: string; limit?: number },
): Promise<WishWallView<Date>> {
  const centre = await portalCentre(deps);
  const limit = q.limit ?? 20;
  let before: { at: Date; id: string } | null = null;
  if (q.before) {
    const [at, id] = q.before.split('_');
    const when = new Date(at ?? '');
    if (Number.isNaN(when.getTime()) || !id) throw invalidField('before');
    before = { at: when, id };
  }
  const rows = await wallPage(deps.db, centre.id, q.state, before, limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    state: q.state,
    wishes: page.map((r) => ({
      id: r.id,
      title: r.title,
      detail: r.detail,
      state: q.state,
      unitName: r.unit_name,
      posterName: maskName(r.poster_name) ?? '',
      claimedUnitName: r.claimed_unit_name,
      postedAt: r.posted_at,
      doneAt: r.confirmed_at,
    })),
    next: rows.length > limit && last ? `${last.posted_at.toISOString()}_${last.id}` : null,
  };
}
