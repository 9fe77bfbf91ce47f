import { Type } from '@sinclair/typebox';
import type {
  MatterOptionsView,
  MatterSummary,
  MatterView,
  PublicMattersView,
  PublicRoundView,
  RoundView,
} from '../contract/matters.js';
import { MATTER_LINK_KINDS, MATTER_SOURCES, MATTER_STATUSES } from '../contract/matters.js';
import { StringEnum, WrittenText } from '../shared/schema.js';
import { InstantSchema as At, Nullable, wireSchema } from '../shared/wire-schema.js';

const closed = { additionalProperties: false } as const;
const Uuid = Type.String({ format: 'uuid' });
const Day = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD' });
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });

const MatterFields = {
  year: Year,
  title: WrittenText(60),
  description: WrittenText(1000),
  regionId: Type.Optional(Nullable(Uuid)),
  leaderId: Uuid,
  unitIds: Type.Array(Uuid, { maxItems: 20 }),
  budgetYuan: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 2_000_000_000 }))),
};
export const MatterIn = Type.Object(MatterFields, closed);
export const NewMatterIn = Type.Object(
  {
    ...MatterFields,
    source: StringEnum(MATTER_SOURCES),
    milestones: Type.Optional(Type.Array(Type.Object({ name: WrittenText(100), dueOn: Day }, closed), { maxItems: 30 })),
    cluster: Type.Optional(
      Type.Object(
        {
          key: WrittenText(200),
          label: WrittenText(200),
          terms: Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 30 }),
        },
        closed,
      ),
    ),
    orderIds: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 200 })),
  },
  closed,
);
export const MoveIn = Type.Object({ to: StringEnum(MATTER_STATUSES) }, closed);
export const MilestoneIn = Type.Object({ name: WrittenText(100), dueOn: Day }, closed);
export const MilestoneDoneIn = Type.Object({ doneOn: Type.Optional(Nullable(Day)) }, closed);
export const MilestoneParams = Type.Object({ id: Uuid, milestoneId: Uuid });
export const ProgressIn = Type.Object({ body: WrittenText(1000), reportedOn: Type.Optional(Day) }, closed);
export const LinkIn = Type.Object(
  { order: Type.String({ minLength: 1, maxLength: 64, description: '工单编号或 id' }), kind: StringEnum(MATTER_LINK_KINDS) },
  closed,
);
export const ListQuery = Type.Object({ year: Year, status: Type.Optional(StringEnum(MATTER_STATUSES)) }, closed);
export const RoundsQuery = Type.Object({ year: Type.Optional(Year) }, closed);
export const PublicQuery = Type.Object({ year: Type.Optional(Year) }, closed);
export const RoundIn = Type.Object(
  {
    year: Year,
    title: WrittenText(60),
    regionId: Type.Optional(Nullable(Uuid)),
    opensAt: At,
    closesAt: At,
    maxPicks: Type.Integer({ minimum: 1, maximum: 50 }),
    adoptCount: Type.Integer({ minimum: 1, maximum: 100 }),
    matterIds: Type.Array(Uuid, { minItems: 2, maxItems: 100 }),
  },
  closed,
);
export const VoteIn = Type.Object({ matterId: Uuid }, closed);

const Summary = {
  id: Type.String(),
  year: Type.Integer(),
  title: Type.String(),
  description: Type.String(),
  status: StringEnum(MATTER_STATUSES),
  source: StringEnum(MATTER_SOURCES),
  regionId: Nullable(Type.String()),
  regionName: Nullable(Type.String()),
  leaderId: Type.String(),
  leaderName: Type.String(),
  unitNames: Type.Array(Type.String()),
  budgetYuan: Nullable(Type.Number()),
  roundId: Nullable(Type.String()),
  votes: Nullable(Type.Integer()),
  milestonesDone: Type.Integer(),
  milestonesTotal: Type.Integer(),
  createdAt: At,
  updatedAt: At,
};
const MilestoneOut = Type.Object({
  id: Type.String(),
  name: Type.String(),
  dueOn: Type.String(),
  doneOn: Nullable(Type.String()),
});

export const MattersOut = wireSchema<{ year: number; matters: MatterSummary<Date>[] }>()(
  Type.Object({ year: Type.Integer(), matters: Type.Array(Type.Object(Summary)) }),
);
export const MatterOut = wireSchema<MatterView<Date>>()(
  Type.Object({
    ...Summary,
    unitIds: Type.Array(Type.String()),
    clusterKey: Nullable(Type.String()),
    clusterLabel: Nullable(Type.String()),
    clusterTerms: Type.Array(Type.String()),
    milestones: Type.Array(MilestoneOut),
    progress: Type.Array(
      Type.Object({
        id: Type.String(),
        body: Type.String(),
        reportedOn: Type.String(),
        byName: Nullable(Type.String()),
        createdAt: At,
      }),
    ),
    links: Type.Array(
      Type.Object({
        orderId: Type.String(),
        orderNo: Type.String(),
        title: Type.String(),
        appealType: Type.String(),
        kind: StringEnum(MATTER_LINK_KINDS),
        acceptedAt: At,
      }),
    ),
    effect: Nullable(
      Type.Object({
        categoryNames: Type.Array(Type.String()),
        months: Type.Array(
          Type.Object({ month: Type.String(), phase: StringEnum(['before', 'after'] as const), count: Type.Integer() }),
        ),
        beforeTotal: Type.Integer(),
        afterTotal: Type.Integer(),
      }),
    ),
    canEdit: Type.Boolean(),
    canReport: Type.Boolean(),
  }),
);
const Named = Type.Array(Type.Object({ id: Type.String(), name: Type.String() }));
export const OptionsOut = wireSchema<MatterOptionsView>()(Type.Object({ leaders: Named, units: Named, regions: Named }));

const RoundSchema = wireSchema<RoundView<Date>>()(
  Type.Object({
    id: Type.String(),
    year: Type.Integer(),
    title: Type.String(),
    regionId: Nullable(Type.String()),
    regionName: Nullable(Type.String()),
    opensAt: At,
    closesAt: At,
    maxPicks: Type.Integer(),
    adoptCount: Type.Integer(),
    state: StringEnum(['open', 'closed'] as const),
    closedAt: Nullable(At),
    voters: Type.Integer(),
    tally: Type.Array(
      Type.Object({
        matterId: Type.String(),
        title: Type.String(),
        votes: Type.Integer(),
        status: StringEnum(MATTER_STATUSES),
      }),
    ),
    auditOk: Nullable(Type.Boolean()),
  }),
);
export const RoundOut = RoundSchema;
export const RoundsOut = wireSchema<{ rounds: RoundView<Date>[] }>()(Type.Object({ rounds: Type.Array(RoundSchema) }));

export const PublicMattersOut = wireSchema<PublicMattersView>()(
  Type.Object({
    year: Type.Integer(),
    matters: Type.Array(
      Type.Object({
        id: Type.String(),
        title: Type.String(),
        description: Type.String(),
        status: StringEnum(MATTER_STATUSES),
        regionName: Nullable(Type.String()),
        unitNames: Type.Array(Type.String()),
        votes: Nullable(Type.Integer()),
        milestones: Type.Array(Type.Object({ name: Type.String(), dueOn: Type.String(), doneOn: Nullable(Type.String()) })),
        progress: Type.Array(Type.Object({ body: Type.String(), reportedOn: Type.String() })),
      }),
    ),
  }),
);
export const PublicRoundOut = wireSchema<PublicRoundView<Date>>()(
  Type.Object({
    round: Nullable(
      Type.Object({
        id: Type.String(),
        title: Type.String(),
        year: Type.Integer(),
        opensAt: At,
        closesAt: At,
        maxPicks: Type.Integer(),
        adoptCount: Type.Integer(),
        open: Type.Boolean(),
      }),
    ),
    candidates: Type.Array(
      Type.Object({
        id: Type.String(),
        title: Type.String(),
        description: Type.String(),
        regionName: Nullable(Type.String()),
        unitNames: Type.Array(Type.String()),
      }),
    ),
    myPicks: Type.Array(Type.String()),
  }),
);
export const VoteOut = wireSchema<{ picks: string[]; picksLeft: number }>()(
  Type.Object({ picks: Type.Array(Type.String()), picksLeft: Type.Integer() }),
);
