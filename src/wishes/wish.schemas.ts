import { Type } from '@sinclair/typebox';
import type { WishRatesView, WishSettingsView, WishView, WishWallView } from '../contract/wishes.js';
import { CLAIMER_RANKS, WALL_STATES, WISH_SOURCES, WISH_STATES } from '../contract/wishes.js';
import { OptionalText, StringEnum, WrittenText } from '../shared/schema.js';
import { InstantSchema as At, Nullable, wireSchema } from '../shared/wire-schema.js';

const closed = { additionalProperties: false } as const;
const Uuid = Type.String({ format: 'uuid' });

export const WishIn = Type.Object({ title: WrittenText(40), detail: WrittenText(500) }, closed);
export const StaffWishIn = Type.Object({ residentId: Uuid, title: WrittenText(40), detail: WrittenText(500) }, closed);
export const AppealWishIn = Type.Object(
  { orderId: Uuid, unitId: Uuid, title: WrittenText(40), detail: WrittenText(500) },
  closed,
);
export const ModerateIn = Type.Object({ approve: Type.Boolean(), reason: OptionalText(200) }, closed);
export const ClaimIn = Type.Object({ collective: Type.Optional(Type.Boolean()) }, closed);
export const FulfilIn = Type.Object(
  { proofText: WrittenText(500), photoBase64: Type.Optional(Type.String({ maxLength: 820_000, pattern: '^[A-Za-z0-9+/=]+$' })) },
  closed,
);
export const SettingsIn = Type.Object(
  {
    memberHours: Type.Integer({ minimum: 0, maximum: 720 }),
    teamHours: Type.Integer({ minimum: 0, maximum: 720 }),
    points: Type.Integer({ minimum: 0, maximum: 1000 }),
  },
  closed,
);
export const ClaimerIn = Type.Object({ userId: Uuid, rank: StringEnum(CLAIMER_RANKS) }, closed);
export const WishListQuery = Type.Object({ state: Type.Optional(StringEnum(WISH_STATES)) }, closed);
export const WallQuery = Type.Object(
  {
    state: StringEnum(WALL_STATES),
    before: Type.Optional(Type.String({ maxLength: 80, pattern: '^[0-9TZ:.+-]+_[0-9a-f-]{36}$' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  },
  closed,
);

export const WishSchema = wireSchema<WishView<Date>>()(
  Type.Object({
    id: Type.String(),
    title: Type.String(),
    detail: Type.String(),
    state: StringEnum(WISH_STATES),
    source: StringEnum(WISH_SOURCES),
    unitId: Type.String(),
    unitName: Type.String(),
    posterName: Type.String(),
    residentId: Nullable(Type.String()),
    orderId: Nullable(Type.String()),
    postedAt: At,
    openAt: Nullable(At),
    rejectReason: Nullable(Type.String()),
    claimedByName: Nullable(Type.String()),
    claimedUnitName: Nullable(Type.String()),
    claimRank: Nullable(StringEnum(CLAIMER_RANKS)),
    collective: Type.Boolean(),
    claimedAt: Nullable(At),
    proofText: Nullable(Type.String()),
    hasPhoto: Type.Boolean(),
    fulfilledAt: Nullable(At),
    confirmedAt: Nullable(At),
    pointsAwarded: Nullable(Type.Integer()),
    claimableFrom: Nullable(At),
  }),
);
export const WishesOut = wireSchema<{ wishes: WishView<Date>[] }>()(Type.Object({ wishes: Type.Array(WishSchema) }));
export const CreatedOut = Type.Object({ id: Type.String() });
export const ConfirmedOut = Type.Object({ pointsAwarded: Nullable(Type.Integer()) });
export const WallOut = wireSchema<WishWallView<Date>>()(
  Type.Object({
    state: StringEnum(WALL_STATES),
    wishes: Type.Array(
      Type.Object({
        id: Type.String(),
        title: Type.String(),
        detail: Type.String(),
        state: StringEnum(WALL_STATES),
        unitName: Type.String(),
        posterName: Type.String(),
        claimedUnitName: Nullable(Type.String()),
        postedAt: At,
        doneAt: Nullable(At),
      }),
    ),
    next: Nullable(Type.String()),
  }),
);
const RateRow = Type.Object({
  id: Type.String(),
  name: Type.String(),
  posted: Type.Integer(),
  claimed: Type.Integer(),
  confirmed: Type.Integer(),
  claimRate: Nullable(Type.Number()),
  completionRate: Nullable(Type.Number()),
});
export const RatesOut = wireSchema<WishRatesView>()(
  Type.Object({ communities: Type.Array(RateRow), units: Type.Array(RateRow) }),
);
export const SettingsOut = wireSchema<WishSettingsView>()(
  Type.Object({ memberHours: Type.Integer(), teamHours: Type.Integer(), points: Type.Integer() }),
);
export const ClaimersOut = Type.Object({
  claimers: Type.Array(
    Type.Object({ userId: Type.String(), name: Type.String(), unitName: Type.String(), rank: StringEnum(CLAIMER_RANKS) }),
  ),
});
