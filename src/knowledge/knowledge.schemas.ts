import { Type, type Static } from '@sinclair/typebox';
import { StringEnum as lit, OptionalText, WrittenText } from '../shared/schema.js';
import { OffsetSchema } from '../shared/paging.schemas.js';
import type { ArticleDetailView, ArticleHitView, ArticleView, UpkeepRowView } from '../contract/knowledge.js';
import { InstantSchema as At, Nullable, wireSchema } from '../shared/wire-schema.js';

export const ARTICLE_STATUSES = ['draft', 'published', 'expired'] as const;
const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const NullableDay = Type.Union([Day, Type.Null()]);

const content = {
  title: WrittenText(200),
  body: WrittenText(20000),
  categoryId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
  ownerUnitId: Type.String({ format: 'uuid', description: '维护单位 / owning unit' }),
  status: lit(ARTICLE_STATUSES),
  validFrom: Type.Optional(NullableDay),
  validTo: Type.Optional(NullableDay),
  reviewAt: Type.Optional(NullableDay),
  note: OptionalText(500, { description: '修改说明 / what changed' }),
};

export const NewArticleSchema = Type.Object(content, { additionalProperties: false });
export type NewArticleInput = Static<typeof NewArticleSchema>;

export const UpdateArticleSchema = Type.Object(
  { ...content, version: Type.Integer({ minimum: 1, description: '编辑时看到的版本 / version seen' }) },
  { additionalProperties: false },
);
export type UpdateArticleInput = Static<typeof UpdateArticleSchema>;

export const ArticleListQuerySchema = Type.Object({
  status: Type.Optional(lit(ARTICLE_STATUSES)),
  ownerUnitId: Type.Optional(Type.String({ format: 'uuid' })),
  categoryId: Type.Optional(Type.String({ format: 'uuid' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(OffsetSchema),
});
export type ArticleListQuery = Static<typeof ArticleListQuerySchema>;

export const ArticleSearchQuerySchema = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 2000 }),
  status: Type.Optional(lit(ARTICLE_STATUSES)),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
});
export type ArticleSearchQuery = Static<typeof ArticleSearchQuerySchema>;

export const SuggestQuerySchema = Type.Object({
  text: Type.String({ minLength: 1, maxLength: 10000, description: '正在录入的诉求内容 / text being typed' }),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10, default: 5 })),
});
export type SuggestQuery = Static<typeof SuggestQuerySchema>;

export { IdParam as ArticleIdParam } from '../shared/schema.js';

// The answers, as src/contract/knowledge.ts declares them.

const ArticleProperties = {
  id: Type.String(),
  title: Type.String(),
  body: Type.String(),
  categoryId: Nullable(Type.String()),
  ownerUnitId: Type.String(),
  status: lit(ARTICLE_STATUSES),
  answerable: Type.Boolean(),
  validFrom: Nullable(Type.String()),
  validTo: Nullable(Type.String()),
  reviewAt: Nullable(Type.String()),
  reviewOverdue: Type.Boolean(),
  version: Type.Integer(),
  usageCount: Type.Integer(),
  lastUsedAt: Nullable(At),
  public: Type.Boolean(),
  publicViews: Type.Integer(),
  createdAt: At,
  updatedAt: At,
};

export const ArticleViewSchema = wireSchema<ArticleView<Date>>()(Type.Object(ArticleProperties));

const Fragments = Type.Array(Type.Object({ text: Type.String(), hit: Type.Boolean() }));
const ArticleHitViewSchema = wireSchema<ArticleHitView<Date>>()(
  Type.Object({
    ...ArticleProperties,
    score: Type.Number(),
    highlight: Type.Object({ title: Fragments, body: Fragments }),
  }),
);

export const ArticleHitsSchema = wireSchema<{ items: ArticleHitView<Date>[] }>()(
  Type.Object({ items: Type.Array(ArticleHitViewSchema) }),
);

export const ArticleListSchema = wireSchema<{ items: ArticleView<Date>[]; hasMore: boolean }>()(
  Type.Object({ items: Type.Array(ArticleViewSchema), hasMore: Type.Boolean() }),
);

export const ArticleDetailViewSchema = wireSchema<ArticleDetailView<Date>>()(
  Type.Object({
    article: ArticleViewSchema,
    ownerUnitName: Nullable(Type.String()),
    versions: Type.Array(
      Type.Object({
        version: Type.Integer(),
        title: Type.String(),
        body: Type.String(),
        status: lit(ARTICLE_STATUSES),
        categoryId: Nullable(Type.String()),
        ownerUnitId: Type.String(),
        validFrom: Nullable(Type.String()),
        validTo: Nullable(Type.String()),
        reviewAt: Nullable(Type.String()),
        editedAt: At,
        editorName: Nullable(Type.String()),
        note: Nullable(Type.String()),
      }),
    ),
    recentUsages: Type.Array(Type.Object({ at: At, version: Type.Integer(), orderId: Type.String(), orderNo: Type.String() })),
  }),
);

export const UpkeepSchema = wireSchema<{ today: string; units: UpkeepRowView[] }>()(
  Type.Object({
    today: Type.String(),
    units: Type.Array(
      Type.Object({
        unitId: Type.String(),
        unitName: Type.String(),
        owned: Type.Integer(),
        upToDate: Type.Integer(),
        expired: Type.Integer(),
        reviewOverdue: Type.Integer(),
        drafts: Type.Integer(),
        usages: Type.Integer(),
      }),
    ),
  }),
);
