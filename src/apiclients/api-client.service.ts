import type { ApiClientChanges, ApiClientView, ApiScope, IssuedApiKey, NewApiClientInput } from '../contract/api-clients.js';
import type { Deps } from '../shared/deps.js';
import { DomainError, domainError, forbidden, invalidField, notFound } from '../shared/errors.js';
import { can } from '../users/permissions.js';
import type { Actor } from '../users/roles.js';
import { findUnit } from '../org/unit.repository.js';
import { text } from '../i18n/messages.js';
import { presentApiClient, presentApiKey } from './api-client.presenter.js';
import {
  findApiClient,
  findApiClientByName,
  insertApiClient,
  insertClientKey,
  listApiClients,
  listClientKeys,
  revokeClientKey,
  updateApiClient,
} from './api-client.repository.js';
import { newApiKey } from './api-key.js';
import { parseAllowList } from './ip-allow.js';

export const DEFAULT_RATE_PER_MINUTE = 120;

/** null = the CLI (an operator of the machine); a signed-in actor needs apiclient.manage. */
function authorize(actor: Actor | null) {
  if (actor && !can(actor, 'apiclient.manage')) throw forbidden();
}

function checkedAllowList(ipAllow: readonly string[] | undefined): string[] {
  const list = (ipAllow ?? []).map((s) => s.trim()).filter((s) => s !== '');
  try {
    parseAllowList(list);
  } catch (error) {
    throw new DomainError('VALIDATION', text('error.validation', { field: 'ipAllow' }), {
      field: 'ipAllow',
      value: (error as Error).message,
    });
  }
  return list;
}

const uniqueScopes = (scopes: readonly ApiScope[]) => [...new Set(scopes)];

async function checkedOwner(deps: Deps, centreId: string, unitId: string | undefined): Promise<string | null> {
  if (!unitId) return null;
  const unit = await findUnit(deps.db, centreId, unitId);
  if (!unit) throw invalidField('ownerUnitId');
  return unit.id;
}

async function view(deps: Deps, centreId: string, id: string): Promise<ApiClientView<Date>> {
  const row = await findApiClient(deps.db, centreId, id);
  if (!row) throw notFound('apiClient');
  return presentApiClient(row, await listClientKeys(deps.db, [row.id]));
}

/** Registers an outside system; with `issueKey` its first key is issued in the same call (shown once). */
export async function createApiClient(
  deps: Deps,
  actor: Actor | null,
  centreId: string,
  input: NewApiClientInput,
  options: { issueKey?: boolean } = {},
): Promise<{ client: ApiClientView<Date>; issued: IssuedApiKey<Date> | null }> {
  authorize(actor);
  const name = input.name.trim();
  if (name === '') throw invalidField('name');
  if (input.scopes.length === 0) throw invalidField('scopes');
  if (await findApiClientByName(deps.db, centreId, name)) throw domainError('CONFLICT', 'apiClient.nameTaken', { name });
  const at = deps.clock.now();
  const row = await insertApiClient(deps.db, {
    centreId,
    name,
    channel: input.channel ?? 'open_api',
    ownerUnitId: await checkedOwner(deps, centreId, input.ownerUnitId),
    contact: input.contact?.trim() ?? '',
    scopes: uniqueScopes(input.scopes),
    ratePerMinute: input.ratePerMinute ?? DEFAULT_RATE_PER_MINUTE,
    ipAllow: checkedAllowList(input.ipAllow),
    at,
  });
  const issued = options.issueKey ? await issueApiKey(deps, actor, centreId, row.id, '') : null;
  return { client: await view(deps, centreId, row.id), issued };
}

export async function listClients(deps: Deps, actor: Actor | null, centreId: string): Promise<ApiClientView<Date>[]> {
  authorize(actor);
  const rows = await listApiClients(deps.db, centreId);
  const keys = await listClientKeys(
    deps.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) =>
    presentApiClient(
      r,
      keys.filter((k) => k.client_id === r.id),
    ),
  );
}

export async function getClient(deps: Deps, actor: Actor | null, centreId: string, id: string) {
  authorize(actor);
  return view(deps, centreId, id);
}

export async function changeApiClient(deps: Deps, actor: Actor | null, centreId: string, id: string, changes: ApiClientChanges) {
  authorize(actor);
  if (changes.scopes && changes.scopes.length === 0) throw invalidField('scopes');
  const updated = await updateApiClient(deps.db, centreId, id, {
    ...(changes.channel !== undefined && { channel: changes.channel }),
    ...(changes.ownerUnitId !== undefined && { owner_unit_id: await checkedOwner(deps, centreId, changes.ownerUnitId) }),
    ...(changes.contact !== undefined && { contact: changes.contact.trim() }),
    ...(changes.scopes !== undefined && { scopes: uniqueScopes(changes.scopes) }),
    ...(changes.ratePerMinute !== undefined && { rate_per_minute: changes.ratePerMinute }),
    ...(changes.ipAllow !== undefined && { ip_allow: checkedAllowList(changes.ipAllow) }),
  });
  if (!updated) throw notFound('apiClient');
  return view(deps, centreId, id);
}

/** Revokes the client: every key stops working at once (the keys stay listed, for the record). */
export async function revokeApiClient(deps: Deps, actor: Actor | null, centreId: string, id: string) {
  authorize(actor);
  const client = await findApiClient(deps.db, centreId, id);
  if (!client) throw notFound('apiClient');
  if (!client.revoked_at) await updateApiClient(deps.db, centreId, id, { revoked_at: deps.clock.now() });
  return view(deps, centreId, id);
}

/** A new key for the client (rotation: the old ones keep working until revoked). The key is in the answer only. */
export async function issueApiKey(
  deps: Deps,
  actor: Actor | null,
  centreId: string,
  clientId: string,
  label: string,
): Promise<IssuedApiKey<Date>> {
  authorize(actor);
  const client = await findApiClient(deps.db, centreId, clientId);
  if (!client) throw notFound('apiClient');
  if (client.revoked_at) throw domainError('CONFLICT', 'apiClient.revoked');
  const { key, prefix, hash } = newApiKey();
  const row = await insertClientKey(deps.db, { clientId, prefix, hash, label: label.trim(), at: deps.clock.now() });
  return { key, keyInfo: presentApiKey(row) };
}

export async function revokeApiKey(deps: Deps, actor: Actor | null, centreId: string, clientId: string, keyId: string) {
  authorize(actor);
  const client = await findApiClient(deps.db, centreId, clientId);
  if (!client) throw notFound('apiClient');
  const row = await revokeClientKey(deps.db, clientId, keyId, deps.clock.now());
  if (!row) throw notFound('apiKey');
  return view(deps, centreId, clientId);
}
