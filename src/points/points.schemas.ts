import { Type } from '@sinclair/typebox';
import type {
  CommunityView,
  HouseholdView,
  PointsEntryView,
  PointsRuleView,
  PointsStatementView,
  RedemptionView,
  ResidentMeView,
  ResidentSessionView,
  ResidentView,
  ShopView,
} from '../contract/points.js';
import { ACTIVITY_KINDS, ENTRY_KINDS } from '../contract/points.js';
import { OptionalText, StringEnum, WrittenText } from '../shared/schema.js';
import { InstantSchema as At, Nullable, wireSchema } from '../shared/wire-schema.js';

const Uuid = Type.String({ format: 'uuid' });
const closed = { additionalProperties: false } as const;

export const RuleIn = Type.Object(
  { activityKind: StringEnum(ACTIVITY_KINDS), name: WrittenText(60), points: Type.Integer({ minimum: 1, maximum: 1000 }) },
  closed,
);
export const SwitchIn = Type.Object({ active: Type.Boolean() }, closed);
/** 有效反映 points per handled and closed appeal of a verified resident; 0 turns them off. */
export const SettingsIO = Type.Object({ usefulReportPoints: Type.Integer({ minimum: 0, maximum: 1000 }) }, closed);
export const ResidentIn = Type.Object(
  {
    name: WrittenText(40),
    phone: Type.Optional(Type.String({ minLength: 5, maxLength: 20, pattern: '^[+0-9 -]+$' })),
    unitId: Uuid,
    householdId: Type.Optional(Uuid),
    householdName: OptionalText(60),
  },
  closed,
);
export const AwardIn = Type.Object({ ruleId: Uuid, evidence: WrittenText(500), note: OptionalText(200) }, closed);
export const CorrectionIn = Type.Object(
  {
    entryId: Uuid,
    points: Type.Integer({ minimum: -1000, maximum: 1000, not: { const: 0 } }),
    reason: WrittenText(200),
  },
  closed,
);
export const MonthQuery = Type.Object(
  { month: Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$' }) },
  { additionalProperties: false },
);
export const ShopIn = Type.Object({ unitId: Uuid, name: WrittenText(60) }, closed);
export const ItemIn = Type.Object(
  {
    name: WrittenText(60),
    cost: Type.Integer({ minimum: 1, maximum: 100000 }),
    stock: Type.Integer({ minimum: 0, maximum: 100000 }),
  },
  closed,
);
export const RestockIn = Type.Object({ quantity: Type.Integer({ minimum: 1, maximum: 100000 }) }, closed);
export const RedeemIn = Type.Object({ itemId: Uuid, quantity: Type.Integer({ minimum: 1, maximum: 100 }) }, closed);
export const MyRedeemIn = RedeemIn;
export const ResidentSessionIn = Type.Object(
  {
    phone: Type.String({ minLength: 5, maxLength: 20, pattern: '^[+0-9 -]+$' }),
    code: Type.String({ pattern: '^[0-9]{4,8}$' }),
  },
  closed,
);
export const RegisterSelfIn = Type.Object({ name: WrittenText(40), unitId: Uuid }, closed);
export const ResidentTokenHeaders = Type.Object({
  'x-resident-token': Type.Optional(Type.String({ maxLength: 100, description: '居民会话 / the resident session token' })),
});

export const CreatedOut = Type.Object({ id: Type.String() });
export const StockOut = Type.Object({ stock: Type.Integer() });

const RuleSchema = Type.Object({
  id: Type.String(),
  activityKind: StringEnum(ACTIVITY_KINDS),
  name: Type.String(),
  points: Type.Integer(),
  active: Type.Boolean(),
});
export const RulesOut = wireSchema<{ rules: PointsRuleView[] }>()(Type.Object({ rules: Type.Array(RuleSchema) }));

const ResidentSchema = wireSchema<ResidentView<Date>>()(
  Type.Object({
    id: Type.String(),
    name: Type.String(),
    phone: Nullable(Type.String()),
    phoneVerified: Type.Boolean(),
    unitId: Type.String(),
    unitName: Type.String(),
    householdId: Nullable(Type.String()),
    householdName: Nullable(Type.String()),
    balance: Type.Integer(),
    createdAt: At,
  }),
);
export const ResidentsOut = wireSchema<{ residents: ResidentView<Date>[] }>()(
  Type.Object({ residents: Type.Array(ResidentSchema) }),
);

export const EntrySchema = wireSchema<PointsEntryView<Date>>()(
  Type.Object({
    id: Type.String(),
    seq: Type.Integer(),
    kind: StringEnum(ENTRY_KINDS),
    activityKind: Nullable(StringEnum(ACTIVITY_KINDS)),
    points: Type.Integer(),
    balanceAfter: Type.Integer(),
    note: Nullable(Type.String()),
    evidence: Nullable(Type.String()),
    byName: Nullable(Type.String()),
    itemName: Nullable(Type.String()),
    correctsEntryId: Nullable(Type.String()),
    at: At,
  }),
);
export const LedgerOut = wireSchema<{ resident: ResidentView<Date>; entries: PointsEntryView<Date>[] }>()(
  Type.Object({ resident: ResidentSchema, entries: Type.Array(EntrySchema) }),
);
export const StatementOut = wireSchema<PointsStatementView<Date>>()(
  Type.Object({
    residentId: Type.String(),
    month: Type.String(),
    opening: Type.Integer(),
    credits: Type.Integer(),
    debits: Type.Integer(),
    closing: Type.Integer(),
    byActivity: Type.Array(Type.Object({ activityKind: StringEnum(ACTIVITY_KINDS), points: Type.Integer() })),
    entries: Type.Array(EntrySchema),
  }),
);
export const HouseholdOut = wireSchema<HouseholdView>()(
  Type.Object({
    id: Type.String(),
    name: Type.String(),
    unitName: Type.String(),
    points: Type.Integer(),
    stars: Type.Integer(),
    members: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), balance: Type.Integer() })),
  }),
);
export const ShopsOut = wireSchema<{ shops: ShopView[] }>()(
  Type.Object({
    shops: Type.Array(
      Type.Object({
        id: Type.String(),
        name: Type.String(),
        unitId: Type.String(),
        unitName: Type.String(),
        items: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), cost: Type.Integer(), stock: Type.Integer() })),
      }),
    ),
  }),
);
export const RedemptionOut = wireSchema<RedemptionView<Date>>()(
  Type.Object({ entry: EntrySchema, balance: Type.Integer(), stockLeft: Type.Integer() }),
);
export const MeOut = wireSchema<ResidentMeView<Date>>()(
  Type.Object({
    name: Type.String(),
    unitName: Type.String(),
    balance: Type.Integer(),
    householdStars: Nullable(Type.Integer()),
    entries: Type.Array(EntrySchema),
  }),
);
export const SessionOut = wireSchema<ResidentSessionView>()(
  Type.Object({ token: Type.String(), name: Type.String(), registered: Type.Boolean() }),
);
export const CommunitiesOut = wireSchema<{ communities: CommunityView[] }>()(
  Type.Object({ communities: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })) }),
);
