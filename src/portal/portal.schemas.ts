import { Type, type Static } from '@sinclair/typebox';
import { StringEnum as lit, WrittenText } from '../shared/schema.js';
import { APPEAL_TYPES, SATISFACTION } from '../orders/order.constants.js';
import { PhoneSchema } from '../orders/order.schemas.js';
import { PERSON_NAME_PATTERN, PORTAL_LIMITS } from '../contract/portal.js';
import { COMPANY_NAME_MAX } from '../contract/enterprise.js';
import type { PortalInfo } from '../contract/portal-views.js';
import { Nullable, wireSchema } from '../shared/wire-schema.js';
import { MapTilesSchema } from '../shared/map-tiles.schema.js';

/** Patterns rather than formats, so the same schema also checks multipart fields without Ajv formats. */
const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

export const MAX_PORTAL_PHOTOS = 5;

/** The text fields of a portal appeal (multipart fields, or a JSON body when there are no photos). */
export const PortalAppealSchema = Type.Object(
  {
    appealType: lit(APPEAL_TYPES),
    categoryId: Type.Optional(Type.String({ pattern: UUID_PATTERN })),
    title: WrittenText(PORTAL_LIMITS.title),
    content: WrittenText(PORTAL_LIMITS.content),
    address: Type.Optional(Type.String({ maxLength: PORTAL_LIMITS.address })),
    callerName: Type.String({ minLength: 1, maxLength: PORTAL_LIMITS.callerName, pattern: PERSON_NAME_PATTERN }),
    callerPhone: PhoneSchema,
    confidential: Type.Optional(Type.Boolean()),
    // 涉企诉求 (ADR 0137): a company files the appeal; its name may be kept from the handling unit.
    companyName: Type.Optional(WrittenText(COMPANY_NAME_MAX)),
    creditCode: Type.Optional(Type.String({ maxLength: 30 })),
    protectCompany: Type.Optional(Type.Boolean()),
    // 在地图上标注位置 (ADR 0187): the pin, in WGS-84 (the portal's map converts from GCJ-02 tiles itself).
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
  },
  { additionalProperties: false },
);
export type PortalAppealInput = Static<typeof PortalAppealSchema>;

/** Order number and the 6-digit query code: together they are the citizen's key to the appeal. */
export const PortalKeySchema = Type.Object(
  {
    orderNo: Type.String({ pattern: '^[0-9]{10,14}$' }),
    code: Type.String({ pattern: '^[0-9]{6}$' }),
  },
  { additionalProperties: false },
);

export const PortalRatingSchema = Type.Object(
  {
    orderNo: PortalKeySchema.properties.orderNo,
    code: PortalKeySchema.properties.code,
    satisfaction: lit(SATISFACTION),
    resolved: Type.Boolean(),
    comment: Type.Optional(Type.String({ maxLength: PORTAL_LIMITS.comment })),
  },
  { additionalProperties: false },
);
export type PortalRatingInput = Static<typeof PortalRatingSchema>;

const Words = Type.Object({ zh: Type.String(), en: Type.String() });

/** The wire form of the contract's PortalProgress (src/contract/portal-views.ts). */
export const PortalProgressSchema = Type.Object({
  orderNo: Type.String(),
  title: Type.String(),
  content: Type.String(),
  appealType: Type.String(),
  address: Type.Union([Type.String(), Type.Null()]),
  acceptedAt: Type.String({ format: 'date-time' }),
  caller: Type.Object({ name: Type.Union([Type.String(), Type.Null()]), phone: Type.Union([Type.String(), Type.Null()]) }),
  stage: Type.String(),
  stageText: Words,
  steps: Type.Array(Type.Object({ step: Type.String(), at: Type.String({ format: 'date-time' }), text: Words })),
  reply: Type.Union([
    Type.Object({
      kind: lit(['reply', 'answer', 'not_accepted'] as const),
      /** resolved / partly / cannot, for a unit's reply. */
      result: Type.Union([Type.String(), Type.Null()]),
      text: Type.Union([Type.String(), Type.Null()]),
      /** Why an appeal was not accepted, in plain words. */
      reasonText: Type.Union([Words, Type.Null()]),
      at: Type.String({ format: 'date-time' }),
    }),
    Type.Null(),
  ]),
  /** The latest 阶段性答复 while the appeal is being handled (ADR 0121). */
  progressReport: Type.Union([
    Type.Object({
      at: Type.String({ format: 'date-time' }),
      progress: Type.String(),
      reason: Type.String(),
      nextBy: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    }),
    Type.Null(),
  ]),
  canRate: Type.Boolean(),
  rating: Type.Union([
    Type.Object({
      satisfaction: Type.String(),
      resolved: Type.Boolean(),
      /** The citizen's own words with the rating, shown back to them. */
      comment: Type.Union([Type.String(), Type.Null()]),
    }),
    Type.Null(),
  ]),
  /** 承诺时限: when the handling unit has promised to answer (the running reply deadline), once dispatched. */
  promisedBy: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  photos: Type.Integer(),
  /** The citizen's own photos, fetched with POST /api/portal/photos/:id and the same key. */
  photoIds: Type.Array(Type.String()),
});

export const PortalReceiptSchema = Type.Object({
  orderNo: Type.String(),
  queryCode: Type.String(),
  photos: Type.Integer(),
});

/** GET /api/portal/info, as src/contract/portal-views.ts declares it. */
export const PortalInfoSchema = wireSchema<PortalInfo>()(
  Type.Object({
    centreName: Type.String(),
    appealTypes: Type.Array(Type.String()),
    categories: Type.Array(
      Type.Object({
        id: Type.String(),
        parentId: Nullable(Type.String()),
        name: Type.String(),
        level: Type.Integer(),
        aliases: Type.Array(Type.String()),
      }),
    ),
    maxPhotos: Type.Integer(),
    maxPhotoBytes: Type.Integer(),
    myAppeals: Type.Boolean(),
    map: MapTilesSchema,
  }),
);
