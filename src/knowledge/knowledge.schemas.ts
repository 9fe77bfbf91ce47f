import { Type, type Static } from '@sinclair/typebox';
import { StringEnum as lit, OptionalText, WrittenText } from '../shared/schema.js';
import { OffsetSchema } from '../shared/paging.schemas.js';

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
