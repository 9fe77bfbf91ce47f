import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** A URL an API client subscribed to its appeals' events (migration 0970, ADR 0182). */
export interface ClientWebhooksTable {
  id: Generated<string>;
  client_id: string;
  url: string;
  /** Signs every delivery (HMAC-SHA256); sealed at rest by the database layer (SEALED_COLUMNS), read as plain text. */
  webhook_secret: string;
  /** contract WEBHOOK_EVENTS */
  events: string[];
  description: Generated<string>;
  created_at: Timestamp;
  paused_at: Timestamp | null;
  /** 'failures' (paused automatically) | 'admin' */
  pause_reason: string | null;
  consecutive_failures: Generated<number>;
  last_attempt_at: Timestamp | null;
  last_status_code: number | null;
}

/** One attempt of one delivery (or one skipped while paused), newest last (migration 0970). */
export interface ClientWebhookDeliveriesTable {
  id: Generated<number>;
  webhook_id: string;
  delivery_id: string;
  event: string;
  order_id: string | null;
  attempt: number;
  /** 'delivered' | 'failed' | 'skipped' */
  outcome: string;
  status_code: number | null;
  duration_ms: number | null;
  error: string | null;
  at: Timestamp;
}

export type ClientWebhook = Selectable<ClientWebhooksTable>;
export type ClientWebhookDelivery = Selectable<ClientWebhookDeliveriesTable>;

export interface ClientWebhookTables {
  client_webhooks: ClientWebhooksTable;
  client_webhook_deliveries: ClientWebhookDeliveriesTable;
}
