import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string | T, string | T>;

/** An outside system that submits or reads appeals (migration 0840, ADR 0180). */
export interface ApiClientsTable {
  id: Generated<string>;
  centre_id: string;
  name: string;
  /** The channel its appeals count under (contract CHANNELS; usually open_api or grid). */
  channel: string;
  owner_unit_id: string | null;
  contact: Generated<string>;
  scopes: string[];
  rate_per_minute: Generated<number>;
  /** Addresses or CIDR blocks allowed to use its keys; empty = any address. */
  ip_allow: Generated<string[]>;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
}

/** A key of a client: only its SHA-256 is kept; `prefix` (public) finds the row (ADR 0180). */
export interface ApiClientKeysTable {
  id: Generated<string>;
  client_id: string;
  prefix: string;
  key_hash: string;
  label: Generated<string>;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

/** A question of a category's Open311 service definition (migration 0841, ADR 0181). */
export interface CategoryAttributesTable {
  id: Generated<string>;
  category_id: string;
  code: string;
  datatype: string;
  required: Generated<boolean>;
  variable: Generated<boolean>;
  description: string;
  datatype_description: Generated<string>;
  ord: number;
  values: Json<{ key: string; name: string }[]>;
}

/** What an Open311 submission carried besides the order itself (migration 0841). */
export interface Open311RequestsTable {
  order_id: string;
  api_client_id: string;
  attributes: Json<Record<string, string | string[]>>;
  media_url: string | null;
  address_id: string | null;
  account_id: string | null;
  device_id: string | null;
  external_id: string | null;
}

export type ApiClient = Selectable<ApiClientsTable>;
export type ApiClientKey = Selectable<ApiClientKeysTable>;
export type CategoryAttribute = Selectable<CategoryAttributesTable>;

export interface ApiClientTables {
  api_clients: ApiClientsTable;
  api_client_keys: ApiClientKeysTable;
  category_attributes: CategoryAttributesTable;
  open311_requests: Open311RequestsTable;
}
