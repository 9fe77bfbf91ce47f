import { Type } from '@sinclair/typebox';
import {
  COORD_SYSTEMS,
  VERIFICATION_RESULTS,
  VERIFICATION_STATES,
  VERIFY_NOTE_MAX,
  type CoordSystem,
  type VerificationResult,
  type VerificationState,
  type VerificationTaskView,
} from '../contract/geo.js';
import { InstantSchema as At, Nullable, wireSchema } from '../shared/wire-schema.js';

const Id = Type.String({ format: 'uuid' });
const Point = Type.Object({ lat: Type.Number(), lng: Type.Number() });
const oneOf = <T extends string>(values: readonly T[], description?: string) =>
  Type.Union(
    values.map((v) => Type.Literal<T>(v)),
    { description },
  );

export const VerifyRequestBody = Type.Object(
  { note: Type.Optional(Type.String({ maxLength: VERIFY_NOTE_MAX })) },
  { additionalProperties: false },
);
export const VerifyAnswerBody = Type.Object(
  {
    result: oneOf<VerificationResult>(
      VERIFICATION_RESULTS,
      '属实 confirmed / 不属实 not_confirmed / 已现场解决 resolved_on_site',
    ),
    note: Type.Optional(Type.String({ maxLength: VERIFY_NOTE_MAX })),
    lat: Type.Optional(
      Type.Number({ minimum: -90, maximum: 90, description: 'the phone’s position; leave out both lat and lng if it gave none' }),
    ),
    lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    coordSystem: Type.Optional(oneOf<CoordSystem>(COORD_SYSTEMS, '坐标系 of lat/lng (default wgs84: the phone’s GPS)')),
    photoId: Type.Optional(
      Type.String({ format: 'uuid', description: 'the photo taken on site (POST /api/verification-tasks/:id/photo)' }),
    ),
  },
  { additionalProperties: false },
);
export const VerifyListQuery = Type.Object(
  { state: Type.Optional(oneOf<VerificationState>(VERIFICATION_STATES)) },
  { additionalProperties: false },
);

const TaskSchema = Type.Object({
  id: Id,
  orderId: Id,
  orderNo: Type.String(),
  orderTitle: Type.String(),
  address: Nullable(Type.String()),
  point: Nullable(Point),
  gridId: Id,
  gridName: Type.String(),
  state: oneOf<VerificationState>(VERIFICATION_STATES),
  requestNote: Nullable(Type.String()),
  requestedAt: At,
  dueAt: At,
  overdue: Type.Boolean(),
  result: Nullable(oneOf<VerificationResult>(VERIFICATION_RESULTS)),
  answerNote: Nullable(Type.String()),
  answerPoint: Nullable(Point),
  distanceMetres: Nullable(Type.Number()),
  far: Nullable(Type.Boolean()),
  answeredAt: Nullable(At),
  photoId: Nullable(Id),
});
export const VerificationTaskSchema = wireSchema<VerificationTaskView<Date>>()(TaskSchema);
export const VerificationTaskListSchema = wireSchema<{ items: VerificationTaskView<Date>[] }>()(
  Type.Object({ items: Type.Array(TaskSchema) }),
);
