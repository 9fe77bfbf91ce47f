import type { Channel } from './vocabulary.js';

/**
 * API clients (issue 17, ADR 0180): outside systems with keys. Scopes: submit appeals, read the
 * client's own appeals and their public progress, receive webhooks, read public knowledge.
 */
export const API_SCOPES = ['submit', 'read', 'webhooks', 'knowledge'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** Who administers API clients: the system administrator (三员分立, ADR 0157). */
export const API_CLIENT_ADMIN_ROLES = ['admin'] as const;

export interface ApiKeyView<At = string> {
  id: string;
  /** The public part of the key (`lx_<prefix>_…`), to tell keys apart; the secret is never shown again. */
  prefix: string;
  label: string;
  createdAt: At;
  lastUsedAt: At | null;
  revokedAt: At | null;
}

export interface ApiClientView<At = string> {
  id: string;
  name: string;
  channel: Channel;
  ownerUnitId: string | null;
  ownerUnitName: string | null;
  contact: string;
  scopes: ApiScope[];
  ratePerMinute: number;
  ipAllow: string[];
  createdAt: At;
  revokedAt: At | null;
  keys: ApiKeyView<At>[];
  /** Orders this client submitted (all time). */
  orderCount: number;
}

export interface ApiClientListView<At = string> {
  clients: ApiClientView<At>[];
}

/** A key as it is issued: `key` is shown this once. */
export interface IssuedApiKey<At = string> {
  key: string;
  keyInfo: ApiKeyView<At>;
}

export interface NewApiClientInput {
  name: string;
  channel?: Channel;
  ownerUnitId?: string;
  contact?: string;
  scopes: ApiScope[];
  ratePerMinute?: number;
  ipAllow?: string[];
}

export type ApiClientChanges = Partial<Omit<NewApiClientInput, 'name'>>;
