import type { Instant } from './orders.js';
import type { Words } from './labels.js';

/**
 * The signed-in user's in-app notices (GET /api/notices, src/notifications) as the server returns
 * them and the console reads them. `At` is `Date` on the server and an ISO string on the wire.
 */
export interface NoticeView<At = Instant> {
  id: number;
  kind: string;
  text: Words;
  orderId: string | null;
  orderNo: string | null;
  createdAt: At;
  readAt: At | null;
}

export interface NoticeListView<At = Instant> {
  unread: number;
  items: NoticeView<At>[];
}

/** A mention in an internal note (kind note.mention), as the console's bell shows it. */
export type MentionNotice = NoticeView;

/** POST /api/notices/read: how many notices were unread and are read now. */
export interface NoticesMarkedView {
  marked: number;
}
