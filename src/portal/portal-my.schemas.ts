import { Type } from '@sinclair/typebox';
import { PhoneSchema } from '../orders/order.schemas.js';
import { PORTAL_OTP_LENGTH } from '../contract/portal.js';

export const OtpRequestSchema = Type.Object({ phone: PhoneSchema }, { additionalProperties: false });

export const OtpSentSchema = Type.Object({ expiresInMinutes: Type.Integer() });

export const MyAppealsRequestSchema = Type.Object(
  { phone: PhoneSchema, code: Type.String({ pattern: `^[0-9]{${PORTAL_OTP_LENGTH}}$` }) },
  { additionalProperties: false },
);

const Words = Type.Object({ zh: Type.String(), en: Type.String() });

/** A verified phone's appeals, each with its query code so the progress page opens as usual. */
export const MyAppealsSchema = Type.Object({
  appeals: Type.Array(
    Type.Object({
      orderNo: Type.String(),
      queryCode: Type.String(),
      title: Type.String(),
      acceptedAt: Type.String({ format: 'date-time' }),
      stage: Type.String(),
      stageText: Words,
    }),
  ),
  /** The proved phone's session (header x-portal-session) for PUT /api/portal/my/notices. */
  session: Type.String(),
  smsOptedOut: Type.Boolean(),
});
