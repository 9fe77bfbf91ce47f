import type { NoticeListView, NoticesMarkedView } from '../contract/notices.js';
import type { Deps } from '../shared/deps.js';
import { forbidden } from '../shared/errors.js';
import type { Actor } from '../users/roles.js';
import { countUnread, listNoticesOf, markNoticesRead } from './notice.repository.js';

const userOf = (actor: Actor) => {
  if (!actor.userId) throw forbidden();
  return actor.userId;
};

export async function listMyNotices(
  deps: Deps,
  actor: Actor,
  f: { unreadOnly?: boolean; limit?: number; kind?: string },
): Promise<NoticeListView<Date>> {
  const userId = userOf(actor);
  const [items, unread] = await Promise.all([
    listNoticesOf(deps.db, userId, { unreadOnly: f.unreadOnly ?? false, limit: f.limit ?? 50, kind: f.kind }),
    countUnread(deps.db, userId),
  ]);
  return {
    unread,
    items: items.map((n) => ({
      id: n.id,
      kind: n.kind,
      text: { zh: n.title, en: n.body },
      orderId: n.order_id,
      orderNo: n.order_no,
      createdAt: n.created_at,
      readAt: n.read_at,
    })),
  };
}

export async function markMyNoticesRead(deps: Deps, actor: Actor, ids?: number[]): Promise<NoticesMarkedView> {
  return { marked: await markNoticesRead(deps.db, userOf(actor), deps.clock.now(), ids) };
}
