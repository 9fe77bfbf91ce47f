import { Type, type Static } from '@sinclair/typebox';

export const SuggestBodySchema = Type.Object(
  {
    title: Type.String({ maxLength: 200, description: '标题（可空）/ title, may be empty' }),
    content: Type.String({ maxLength: 20000, description: '诉求内容 / appeal text' }),
    regionId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type SuggestBody = Static<typeof SuggestBodySchema>;

const Suggestion = Type.Object({
  id: Type.String(),
  name: Type.String(),
  /** Category: names from the root ("城乡建设 / 物业管理"); unit: the unit's name. */
  fullName: Type.String(),
  confidence: Type.Number({ description: '校准后的置信度 0–1 / calibrated probability' }),
});

const ModelSuggestions = Type.Union([
  Type.Object({
    modelVersion: Type.Integer(),
    trainedAt: Type.String({ format: 'date-time' }),
    items: Type.Array(Suggestion, { description: '置信度高于阈值的前 3 项 / top 3 above the threshold' }),
  }),
  Type.Null(),
]);

export const SuggestResponseSchema = Type.Object({
  threshold: Type.Number(),
  category: ModelSuggestions,
  unit: ModelSuggestions,
});
