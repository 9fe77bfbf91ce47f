import { Type } from '@sinclair/typebox';
import {
  WEBHOOK_EVENTS,
  type ClientWebhookListView,
  type ClientWebhookView,
  type ClientWebhookWithSecret,
  type WebhookDeliveryListView,
} from '../contract/client-webhooks.js';
import { OptionalText, StringEnum } from '../shared/schema.js';
import { InstantSchema as At, Nullable, wireSchema } from '../shared/wire-schema.js';
import { MAX_WEBHOOK_URL } from './webhook-url.js';

const Events = Type.Array(StringEnum(WEBHOOK_EVENTS), { minItems: 1, maxItems: WEBHOOK_EVENTS.length, uniqueItems: true });
/** The URL's own rules (http/https, https beyond this machine) are the service's, so its 400 says why. */
const Url = Type.String({ minLength: 1, maxLength: MAX_WEBHOOK_URL, description: 'https:// (http:// only to this machine)' });

export const NewWebhookSchema = Type.Object(
  { url: Url, events: Events, description: OptionalText(200) },
  { additionalProperties: false },
);

export const WebhookChangesSchema = Type.Object(
  { url: Type.Optional(Url), events: Type.Optional(Events), description: Type.Optional(Type.String({ maxLength: 200 })) },
  { additionalProperties: false },
);

export const WebhookParams = Type.Object({ id: Type.String({ format: 'uuid' }), webhookId: Type.String({ format: 'uuid' }) });
export const DeliveriesQuery = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) },
  { additionalProperties: false },
);

const WebhookObject = Type.Object({
  id: Type.String(),
  clientId: Type.String(),
  url: Type.String(),
  events: Type.Array(StringEnum(WEBHOOK_EVENTS)),
  description: Type.String(),
  createdAt: At,
  pausedAt: Nullable(At),
  pauseReason: Nullable(StringEnum(['failures', 'admin'] as const)),
  consecutiveFailures: Type.Integer(),
  lastAttemptAt: Nullable(At),
  lastStatusCode: Nullable(Type.Integer()),
});

export const WebhookViewSchema = wireSchema<ClientWebhookView<Date>>()(WebhookObject);
export const WebhookListSchema = wireSchema<ClientWebhookListView<Date>>()(
  Type.Object({ webhooks: Type.Array(WebhookObject), scopeGranted: Type.Boolean(), pauseAfterFailures: Type.Integer() }),
);
export const WebhookWithSecretSchema = wireSchema<ClientWebhookWithSecret<Date>>()(
  Type.Object({ webhook: WebhookObject, secret: Type.String() }),
);
export const PingSchema = wireSchema<{ deliveryId: string }>()(Type.Object({ deliveryId: Type.String() }));
export const DeliveryListSchema = wireSchema<WebhookDeliveryListView<Date>>()(
  Type.Object({
    deliveries: Type.Array(
      Type.Object({
        id: Type.Integer(),
        deliveryId: Type.String(),
        event: StringEnum([...WEBHOOK_EVENTS, 'ping'] as const),
        orderId: Nullable(Type.String()),
        attempt: Type.Integer(),
        outcome: StringEnum(['delivered', 'failed', 'skipped'] as const),
        statusCode: Nullable(Type.Integer()),
        durationMs: Nullable(Type.Integer()),
        error: Nullable(Type.String()),
        at: At,
      }),
    ),
  }),
);
