import { Type, type TProperties, type TSchema } from '@sinclair/typebox';
import type {
  AssessmentAppealListView,
  AssessmentAppealRow,
  AssessmentConfigView,
  AssessmentExclusionView,
  AssessmentHistoryView,
  HotspotAnswer,
  MonthAssessmentView,
} from '../contract/analytics.js';
import {
  KPI_KEYS,
  type KpiDefinitionsView,
  type KpiDefinitionView,
  type KpiGroupView,
  type KpiNowView,
  type KpiReportView,
} from '../contract/kpi.js';
import { StringEnum } from '../shared/schema.js';
import { InstantSchema as At, Nullable, wireSchema } from '../shared/wire-schema.js';

// The answers of the KPI, hot-issue and assessment API as src/contract/kpi.ts and analytics.ts declare
// them. Where the server's value carries more than the console reads (a KPI report's sources and
// parameters, a definition's terms, a score row's raw counters) the object is open: those fields go
// out unchanged, as before, and the schema states the contract part.

const open = <P extends TProperties>(properties: P) => Type.Object(properties, { additionalProperties: true });

/** An object with one property per key, each of the same schema (a `Record<K, …>` of listed keys). */
const keyed = <K extends string, S extends TSchema>(keys: readonly K[], schema: S) =>
  Type.Object(Object.fromEntries(keys.map((k) => [k, schema])) as Record<K, S>);

const Words = Type.Object({ zh: Type.String(), en: Type.String() });

const KpiDefinitionViewSchema = wireSchema<KpiDefinitionView>()(
  open({
    key: StringEnum(KPI_KEYS),
    zh: Type.String(),
    en: Type.String(),
    kind: StringEnum(['ratio', 'count', 'hours'] as const),
    formula: Words,
    target: Type.Optional(Type.Number()),
  }),
);

const KpiFigureSchema = Type.Object({
  value: Nullable(Type.Number()),
  numerator: Type.Number(),
  denominator: Nullable(Type.Number()),
  previous: Nullable(Type.Number()),
  change: Nullable(Type.Number()),
});

const KpiGroupViewSchema = wireSchema<KpiGroupView>()(
  Type.Object({
    key: Type.String(),
    name: Nullable(Type.String()),
    counters: Type.Record(Type.String(), Type.Number()),
    kpis: keyed(KPI_KEYS, KpiFigureSchema),
  }),
);

const Period = Type.Object({ from: Type.String(), to: Type.String() });

export const KpiViewSchemas = {
  report: wireSchema<KpiReportView>()(
    open({
      from: Type.String(),
      to: Type.String(),
      previous: Period,
      groupBy: Type.String(),
      definitions: Type.Array(KpiDefinitionViewSchema),
      total: KpiGroupViewSchema,
      groups: Type.Array(KpiGroupViewSchema),
    }),
  ),
  definitions: wireSchema<KpiDefinitionsView>()(Type.Object({ definitions: Type.Array(KpiDefinitionViewSchema) })),
  now: wireSchema<KpiNowView<Date>>()(
    Type.Object({
      open: Type.Number(),
      red: Type.Number(),
      yellow: Type.Number(),
      acceptedToday: Type.Number(),
      closedToday: Type.Number(),
      at: At,
    }),
  ),
};

export const HotspotAnswerSchema = wireSchema<HotspotAnswer<Date>>()(
  Type.Object({
    from: At,
    to: At,
    previousFrom: At,
    appealsExamined: Type.Number(),
    items: Type.Array(
      Type.Object({
        key: Type.String(),
        label: Type.String(),
        keywords: Type.Array(Type.String()),
        representativeTitle: Type.String(),
        regionId: Nullable(Type.String()),
        regionName: Nullable(Type.String()),
        count: Type.Number(),
        previousCount: Type.Number(),
        growth: Nullable(Type.Number()),
        score: Type.Number(),
        orders: Type.Array(
          Type.Object({
            id: Type.String(),
            orderNo: Type.String(),
            title: Type.String(),
            state: Type.String(),
            acceptedAt: At,
            address: Nullable(Type.String()),
          }),
        ),
      }),
    ),
  }),
);

const AssessmentConfigViewSchema = wireSchema<AssessmentConfigView>()(
  Type.Object({
    indicators: Type.Array(Type.Object({ key: Type.String(), weight: Type.Number() })),
    deductions: Type.Object({ overdue: Type.Number(), return: Type.Number(), rehandle: Type.Number() }),
    basicSatisfiedWeight: Type.Number(),
  }),
);

const UnitScoreViewSchema = open({
  unitId: Type.String(),
  unitName: Type.String(),
  parentUnitId: Nullable(Type.String()),
  rank: Nullable(Type.Number()),
  score: Nullable(Type.Number()),
  baseScore: Nullable(Type.Number()),
  deductionPoints: Type.Number(),
  indicators: Type.Array(
    Type.Object({
      key: Type.String(),
      weight: Type.Number(),
      value: Nullable(Type.Number()),
      numerator: Type.Number(),
      denominator: Nullable(Type.Number()),
    }),
  ),
  deductions: Type.Object({ overdue: Type.Number(), returns: Type.Number(), rehandles: Type.Number() }),
  excludedOrders: Type.Number(),
});

const AssessmentAppealRowSchema = wireSchema<AssessmentAppealRow<Date>>()(
  Type.Object({
    id: Type.String(),
    centre_id: Type.String(),
    order_id: Type.String(),
    unit_id: Type.String(),
    month: Type.String(),
    reason: Type.String(),
    filed_by: Nullable(Type.String()),
    filed_at: At,
    status: StringEnum(['pending', 'accepted', 'rejected'] as const),
    decided_by: Nullable(Type.String()),
    decided_at: Nullable(At),
    decision_note: Nullable(Type.String()),
  }),
);

export const AssessmentViewSchemas = {
  month: wireSchema<MonthAssessmentView<Date>>()(
    Type.Object({
      month: Type.String(),
      status: StringEnum(['draft', 'frozen'] as const),
      frozenAt: Nullable(At),
      config: AssessmentConfigViewSchema,
      rows: Type.Array(UnitScoreViewSchema),
    }),
  ),
  history: wireSchema<AssessmentHistoryView>()(
    Type.Object({
      fromMonth: Type.String(),
      toMonth: Type.String(),
      items: Type.Array(
        Type.Object({
          month: Type.String(),
          unitId: Type.String(),
          unitName: Type.String(),
          rank: Nullable(Type.Number()),
          score: Nullable(Type.Number()),
          baseScore: Nullable(Type.Number()),
          deductionPoints: Type.Number(),
        }),
      ),
    }),
  ),
  config: AssessmentConfigViewSchema,
  exclusion: wireSchema<AssessmentExclusionView<Date>>()(
    Type.Object({
      orderId: Type.String(),
      orderNo: Type.String(),
      reason: Type.String(),
      reviewerId: Nullable(Type.String()),
      createdAt: At,
    }),
  ),
  appeals: wireSchema<AssessmentAppealListView<Date>>()(
    Type.Object({
      items: Type.Array(
        Type.Object({
          id: Type.String(),
          order_id: Type.String(),
          order_no: Type.String(),
          title: Type.String(),
          unit_id: Type.String(),
          unit_name: Type.String(),
          month: Type.String(),
          reason: Type.String(),
          status: StringEnum(['pending', 'accepted', 'rejected'] as const),
          filed_at: At,
          decided_at: Nullable(At),
          decision_note: Nullable(Type.String()),
        }),
      ),
    }),
  ),
  appeal: AssessmentAppealRowSchema,
};
