import { Type } from '@sinclair/typebox';
import { CATALOGUE_KEYWORD_MAX_CHARS, CATALOGUE_KEYWORDS_MAX } from '../contract/catalogue.js';
import { APPEAL_TYPES, type AppealType } from '../contract/vocabulary.js';

const Id = Type.String({ format: 'uuid' });
const NullableId = Type.Union([Id, Type.Null()]);
const Instant = Type.String({ format: 'date-time' });
/** One appeal type, or null for any. */
const AppealTypeOrAny = Type.Union([...APPEAL_TYPES.map((t) => Type.Literal<AppealType>(t)), Type.Null()]);

const ruleFields = {
  categoryId: NullableId,
  regionId: NullableId,
  appealType: Type.Optional(AppealTypeOrAny),
  keywords: Type.Optional(
    Type.Array(Type.String({ minLength: 1, maxLength: CATALOGUE_KEYWORD_MAX_CHARS }), { maxItems: CATALOGUE_KEYWORDS_MAX }),
  ),
  leadUnitId: Id,
  assistUnitIds: Type.Optional(Type.Array(Id, { maxItems: 10 })),
  deskUnitId: Type.Optional(NullableId),
  note: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
  validFrom: Type.Optional(Instant),
  validTo: Type.Optional(Type.Union([Instant, Type.Null()])),
};

export const NewRuleSchema = Type.Object(ruleFields, { additionalProperties: false });
export const EditRuleSchema = Type.Object(
  { ...ruleFields, version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
export const ExpireRuleSchema = Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });

export const RuleListQuery = Type.Object({
  categoryId: Type.Optional(Id),
  regionId: Type.Optional(Id),
  unitId: Type.Optional(Id),
  status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('future'), Type.Literal('expired')])),
  q: Type.Optional(Type.String({ maxLength: 50 })),
});

export const LookupSchema = Type.Object(
  {
    categoryId: Type.Optional(NullableId),
    regionId: Type.Optional(NullableId),
    appealType: Type.Optional(AppealTypeOrAny),
    title: Type.Optional(Type.String({ maxLength: 200 })),
    content: Type.Optional(Type.String({ maxLength: 20_000 })),
  },
  { additionalProperties: false },
);

export const SettingsSchema = Type.Object({ autoDispatch: Type.Boolean() }, { additionalProperties: false });

export const ReportQuery = Type.Object({
  from: Type.String({ minLength: 7, maxLength: 40 }),
  to: Type.String({ minLength: 7, maxLength: 40 }),
});
