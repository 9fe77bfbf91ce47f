import type { ApiClientView, ApiKeyView, ApiScope } from '../contract/api-clients.js';
import type { Channel } from '../contract/vocabulary.js';
import type { ApiClientRow } from './api-client.repository.js';
import type { ApiClientKey } from './api-client.table.js';

/** A key without its hash: the secret itself is never stored, so never shown again. */
export const presentApiKey = (k: ApiClientKey): ApiKeyView<Date> => ({
  id: k.id,
  prefix: k.prefix,
  label: k.label,
  createdAt: k.created_at,
  lastUsedAt: k.last_used_at,
  revokedAt: k.revoked_at,
});

export const presentApiClient = (c: ApiClientRow, keys: readonly ApiClientKey[]): ApiClientView<Date> => ({
  id: c.id,
  name: c.name,
  channel: c.channel as Channel,
  ownerUnitId: c.owner_unit_id,
  ownerUnitName: c.owner_unit_name,
  contact: c.contact,
  scopes: c.scopes as ApiScope[],
  ratePerMinute: c.rate_per_minute,
  ipAllow: c.ip_allow,
  createdAt: c.created_at,
  revokedAt: c.revoked_at,
  keys: keys.map(presentApiKey),
  orderCount: Number(c.order_count),
});
