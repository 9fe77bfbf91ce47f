import { Type } from '@sinclair/typebox';
import {
  CATALOGUE_KEYWORD_MAX_CHARS,
  CATALOGUE_KEYWORDS_MAX,
  CATALOGUE_RULE_CHANGES,
  type CatalogueAnswer,
  type CatalogueReport,
  type CatalogueRuleStatus,
  type CatalogueRuleVersionView,
  type CatalogueRuleView,
  type CatalogueSettingsView,
} from '../contract/catalogue.js';
import { StringEnum } from '../shared/schema.js';
import { InstantSchema as At, Nullable, wireSchema } from '../shared/wire-schema.js';
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
  /** One sub-centre's dispatches (a sub-centre's staff: always their own; ADR 0153). */
  deskUnitId: Type.Optional(Type.String({ format: 'uuid' })),
});

// The answers, as src/contract/catalogue.ts declares them.

const Name = Nullable(Type.String());

/** Whom a rule sends the appeal to: in the rule table and in the catalogue's answer alike. */
const RuleUnits = {
  leadUnitId: Type.String(),
  leadUnitName: Type.String(),
  assistUnitIds: Type.Array(Type.String()),
  assistUnitNames: Type.Array(Type.String()),
  deskUnitId: Nullable(Type.String()),
  deskUnitName: Name,
  note: Nullable(Type.String()),
};

export const CatalogueRuleViewSchema = wireSchema<CatalogueRuleView<Date>>()(
  Type.Object({
    id: Type.String(),
    no: Type.Integer(),
    categoryId: Nullable(Type.String()),
    categoryName: Name,
    regionId: Nullable(Type.String()),
    regionName: Name,
    appealType: Nullable(StringEnum(APPEAL_TYPES)),
    keywords: Type.Array(Type.String()),
    ...RuleUnits,
    validFrom: At,
    validTo: Nullable(At),
    status: StringEnum(['future', 'active', 'expired'] as const satisfies readonly CatalogueRuleStatus[]),
    version: Type.Integer(),
    updatedAt: At,
  }),
);

export const CatalogueRuleListSchema = wireSchema<{ items: CatalogueRuleView<Date>[] }>()(
  Type.Object({ items: Type.Array(CatalogueRuleViewSchema) }),
);

export const CatalogueRuleHistorySchema = wireSchema<{ items: CatalogueRuleVersionView<Date>[] }>()(
  Type.Object({
    items: Type.Array(
      Type.Object({
        version: Type.Integer(),
        change: StringEnum(CATALOGUE_RULE_CHANGES),
        changedByName: Name,
        changedAt: At,
        rule: CatalogueRuleViewSchema,
      }),
    ),
  }),
);

export const CatalogueAnswerSchema = wireSchema<CatalogueAnswer>()(
  Type.Object({
    rule: Nullable(
      Type.Object({
        id: Type.String(),
        no: Type.Integer(),
        ...RuleUnits,
        exact: Type.Boolean(),
      }),
    ),
    autoDispatch: Type.Boolean(),
  }),
);

export const CatalogueSettingsViewSchema = wireSchema<CatalogueSettingsView>()(Type.Object({ autoDispatch: Type.Boolean() }));

export const CatalogueReportSchema = wireSchema<CatalogueReport>()(
  Type.Object({
    from: Type.String(),
    to: Type.String(),
    dispatches: Type.Integer(),
    followed: Type.Integer(),
    overridden: Type.Integer(),
    noRule: Type.Integer(),
    auto: Type.Integer(),
    followRate: Nullable(Type.Number()),
    rules: Type.Array(
      Type.Object({
        ruleId: Type.String(),
        no: Type.Integer(),
        label: Type.String(),
        leadUnitName: Type.String(),
        followed: Type.Integer(),
        overridden: Type.Integer(),
        returned: Type.Integer(),
        returnRate: Nullable(Type.Number()),
      }),
    ),
    deskUnitId: Nullable(Type.String()),
  }),
);
