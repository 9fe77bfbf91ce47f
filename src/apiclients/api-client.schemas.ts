import { Type } from '@sinclair/typebox';
import { API_SCOPES, type ApiClientListView, type ApiClientView, type IssuedApiKey } from '../contract/api-clients.js';
import { CHANNELS } from '../contract/vocabulary.js';
import { OptionalText, StringEnum, WrittenText } from '../shared/schema.js';
import { InstantSchema as At, Nullable, wireSchema } from '../shared/wire-schema.js';

const Scopes = Type.Array(StringEnum(API_SCOPES), { minItems: 1, maxItems: API_SCOPES.length, uniqueItems: true });
const AllowList = Type.Array(Type.String({ minLength: 1, maxLength: 60, description: 'an IP address or a CIDR block' }), {
  maxItems: 50,
});
const Rate = Type.Integer({ minimum: 1, maximum: 100_000, description: 'requests per minute' });

export const NewApiClientSchema = Type.Object(
  {
    name: WrittenText(100),
    channel: Type.Optional(StringEnum(CHANNELS)),
    ownerUnitId: Type.Optional(Type.String({ format: 'uuid' })),
    contact: OptionalText(200),
    scopes: Scopes,
    ratePerMinute: Type.Optional(Rate),
    ipAllow: Type.Optional(AllowList),
  },
  { additionalProperties: false },
);

export const ApiClientChangesSchema = Type.Object(
  {
    channel: Type.Optional(StringEnum(CHANNELS)),
    ownerUnitId: Type.Optional(Type.String({ format: 'uuid' })),
    contact: Type.Optional(Type.String({ maxLength: 200 })),
    scopes: Type.Optional(Scopes),
    ratePerMinute: Type.Optional(Rate),
    ipAllow: Type.Optional(AllowList),
  },
  { additionalProperties: false },
);

export const NewKeySchema = Type.Object(
  { label: Type.Optional(Type.String({ maxLength: 100 })) },
  { additionalProperties: false },
);

export const ClientKeyParams = Type.Object({ id: Type.String({ format: 'uuid' }), keyId: Type.String({ format: 'uuid' }) });

const ApiKeyViewSchema = Type.Object({
  id: Type.String(),
  prefix: Type.String(),
  label: Type.String(),
  createdAt: At,
  lastUsedAt: Nullable(At),
  revokedAt: Nullable(At),
});

const ClientObject = Type.Object({
  id: Type.String(),
  name: Type.String(),
  channel: StringEnum(CHANNELS),
  ownerUnitId: Nullable(Type.String()),
  ownerUnitName: Nullable(Type.String()),
  contact: Type.String(),
  scopes: Type.Array(StringEnum(API_SCOPES)),
  ratePerMinute: Type.Integer(),
  ipAllow: Type.Array(Type.String()),
  createdAt: At,
  revokedAt: Nullable(At),
  keys: Type.Array(ApiKeyViewSchema),
  orderCount: Type.Integer(),
});

export const ApiClientViewSchema = wireSchema<ApiClientView<Date>>()(ClientObject);
export const ApiClientListViewSchema = wireSchema<ApiClientListView<Date>>()(Type.Object({ clients: Type.Array(ClientObject) }));
export const IssuedApiKeySchema = wireSchema<IssuedApiKey<Date>>()(
  Type.Object({ key: Type.String(), keyInfo: ApiKeyViewSchema }),
);
export const CreatedApiClientSchema = wireSchema<{ client: ApiClientView<Date>; issued: IssuedApiKey<Date> | null }>()(
  Type.Object({ client: ClientObject, issued: Nullable(Type.Object({ key: Type.String(), keyInfo: ApiKeyViewSchema })) }),
);
