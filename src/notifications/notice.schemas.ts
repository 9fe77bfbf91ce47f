import { Type } from '@sinclair/typebox';
import type { NoticeListView, NoticesMarkedView, NoticeView } from '../contract/notices.js';
import { InstantSchema as At, Nullable, WordsSchema, wireSchema } from '../shared/wire-schema.js';

const NoticeViewSchema = wireSchema<NoticeView<Date>>()(
  Type.Object({
    id: Type.Number(),
    kind: Type.String(),
    text: WordsSchema,
    orderId: Nullable(Type.String()),
    orderNo: Nullable(Type.String()),
    createdAt: At,
    readAt: Nullable(At),
  }),
);

export const NoticeListViewSchema = wireSchema<NoticeListView<Date>>()(
  Type.Object({ unread: Type.Number(), items: Type.Array(NoticeViewSchema) }),
);

export const NoticesMarkedViewSchema = wireSchema<NoticesMarkedView>()(Type.Object({ marked: Type.Number() }));
