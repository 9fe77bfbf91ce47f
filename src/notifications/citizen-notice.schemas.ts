import { Type } from '@sinclair/typebox';
import {
  CITIZEN_CHANNELS,
  CITIZEN_EVENTS,
  CITIZEN_LANGS,
  CITIZEN_NOTICE_STATUSES,
  EMAIL_PATTERN,
  SWITCHABLE_CITIZEN_EVENTS,
  type CitizenContactView,
  type CitizenNoticeListView,
  type CitizenNoticeSettingsView,
  type CitizenOptOutListView,
  type CitizenOptOutView,
  type CitizenReportAnswer,
  type CitizenTemplateListView,
} from '../contract/citizen-notices.js';
import { StringEnum } from '../shared/schema.js';
import { InstantSchema as At, Nullable, WordsSchema, wireSchema } from '../shared/wire-schema.js';

const Event = StringEnum(CITIZEN_EVENTS);
const Channel = StringEnum(CITIZEN_CHANNELS);
const Lang = StringEnum(CITIZEN_LANGS);

export const CitizenNoticeQuery = Type.Object({
  status: Type.Optional(StringEnum(CITIZEN_NOTICE_STATUSES)),
  orderId: Type.Optional(Type.String({ format: 'uuid' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
});

export const CitizenNoticeListSchema = wireSchema<CitizenNoticeListView<Date>>()(
  Type.Object({
    configured: Type.Object({ sms: Type.Boolean(), email: Type.Boolean() }),
    items: Type.Array(
      Type.Object({
        id: Type.Number(),
        orderId: Nullable(Type.String()),
        orderNo: Nullable(Type.String()),
        event: Event,
        channel: Channel,
        provider: Type.String(),
        recipient: Type.String(),
        body: Type.String(),
        status: StringEnum(CITIZEN_NOTICE_STATUSES),
        reason: Nullable(WordsSchema),
        urgent: Type.Boolean(),
        providerId: Nullable(Type.String()),
        attempts: Type.Number(),
        lastError: Nullable(Type.String()),
        notBefore: At,
        createdAt: At,
        sentAt: Nullable(At),
        deliveredAt: Nullable(At),
      }),
    ),
  }),
);

export const CitizenNoticeSettingsSchema = wireSchema<CitizenNoticeSettingsView>()(
  Type.Object(
    {
      events: Type.Array(StringEnum(SWITCHABLE_CITIZEN_EVENTS), { maxItems: 20 }),
      quietStart: Type.Integer({ minimum: 0, maximum: 1439 }),
      quietEnd: Type.Integer({ minimum: 0, maximum: 1439 }),
      secondLang: Nullable(Lang),
      visitLinkHours: Type.Integer({ minimum: 1, maximum: 720 }),
      directVisitShare: Type.Number({ minimum: 0, maximum: 1 }),
    },
    { additionalProperties: false },
  ),
);

export const TemplateKeyParams = Type.Object({ event: Event, channel: Channel, lang: Lang });

export const TemplateBody = Type.Object(
  {
    subject: Type.Union([Type.String({ maxLength: 200 }), Type.Null()]),
    /** null: back to the built-in text. */
    body: Type.Union([Type.String({ minLength: 1, maxLength: 2000, pattern: '\\S' }), Type.Null()]),
  },
  { additionalProperties: false },
);

export const CitizenTemplateListSchema = wireSchema<CitizenTemplateListView>()(
  Type.Object({
    vars: Type.Object({ sms: Type.Array(Type.String()), email: Type.Array(Type.String()) }),
    items: Type.Array(
      Type.Object({
        event: Event,
        channel: Channel,
        lang: Lang,
        subject: Nullable(Type.String()),
        body: Type.String(),
        custom: Type.Boolean(),
      }),
    ),
  }),
);

export const OptOutSchema = wireSchema<CitizenOptOutView>()(
  Type.Object(
    { address: Type.String({ minLength: 3, maxLength: 200, pattern: '\\S' }), optedOut: Type.Boolean() },
    { additionalProperties: false },
  ),
);

export const OptOutQuery = Type.Object(
  {
    /** One whole phone number or e-mail address (a logged access, phone rights needed). */
    q: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  },
  { additionalProperties: false },
);

export const OptOutListSchema = wireSchema<CitizenOptOutListView<Date>>()(
  Type.Object({
    unmasked: Type.Boolean(),
    items: Type.Array(
      Type.Object({
        address: Type.String(),
        masked: Type.Boolean(),
        channel: Channel,
        at: At,
        source: StringEnum(['portal', 'staff'] as const),
      }),
    ),
  }),
);

export const ContactBody = Type.Object(
  {
    email: Type.Union([Type.String({ maxLength: 200, pattern: EMAIL_PATTERN }), Type.Null()]),
    lang: Lang,
    consent: Type.Union([Type.Array(StringEnum(SWITCHABLE_CITIZEN_EVENTS), { maxItems: 20 }), Type.Null()]),
    /** 同意短信通知; left out: what was recorded (at intake) stays. */
    sms: Type.Optional(Type.Union([Type.Boolean(), Type.Null()])),
  },
  { additionalProperties: false },
);

export const CitizenContactSchema = wireSchema<CitizenContactView>()(
  Type.Object({
    orderId: Type.String(),
    email: Nullable(Type.String()),
    lang: Lang,
    consent: Nullable(Type.Array(Event)),
    sms: Nullable(Type.Boolean()),
  }),
);

export const ReportParams = Type.Object({ provider: StringEnum(['http', 'aliyun'] as const) });
export const ReportQuery = Type.Object({ token: Type.Optional(Type.String({ maxLength: 200 })) });
export const ReportBody = Type.Union([
  Type.Array(Type.Record(Type.String(), Type.Unknown()), { maxItems: 1000 }),
  Type.Record(Type.String(), Type.Unknown()),
]);
/** Aliyun's receipt push wants {code: 0, msg}; the count is ours. */
export const ReportAnswerSchema = wireSchema<CitizenReportAnswer>()(
  Type.Object({ code: Type.Number(), msg: Type.String(), applied: Type.Number() }),
);
