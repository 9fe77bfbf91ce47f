import { STATE_LABELS } from '../contract/labels.js';
import { FINAL_STATES, OPEN_STATES, type OrderState } from '../contract/vocabulary.js';
import { text } from '../i18n/messages.js';
import { acceptOrderInTransaction } from '../orders/order-intake.service.js';
import type { OrderDeps } from '../orders/order-hooks.js';
import { normalizePhone } from '../orders/phone.js';
import type { Deps } from '../shared/deps.js';
import { domainError, invalidField, notFound } from '../shared/errors.js';
import { apiClientActor, type ApiCaller } from '../apiclients/api-auth.service.js';
import type { Open311Value } from './open311-format.js';
import { coarseAddress } from './public-address.js';
import { findService, findServices, serviceAttributes, type AttributeDefinition } from './open311-services.service.js';
import { insertOpen311Request, listServiceRequests, type ServiceRequestRow } from './open311.repository.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The spec's default and largest window, and its largest answer. */
export const WINDOW_DAYS = 90;
export const MAX_REQUESTS = 1000;
export const MAX_DESCRIPTION = 4000;

/** W3C-DTF with a zone, to the second. */
export const w3c = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString().replace(/\.\d{3}Z$/, 'Z'));

/** A public position is blurred to about 100 m (3 decimals): where the problem is, not whose door it is. */
const blur = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 1000);

/**
 * The caller never appears: their name and number are blanked wherever the text repeats them, and so
 * is any mobile number or resident ID number written in it (ADR 0181).
 */
export function scrubIdentity(content: string, callerName: string | null, callerPhone: string | null): string {
  let out = content
    .replace(/(?<!\d)\d{17}[\dXx](?!\d)/g, '******************')
    .replace(/(?<!\d)1[3-9]\d{9}(?!\d)/g, '***********');
  if (callerPhone && callerPhone.length >= 7) out = out.split(callerPhone).join('*'.repeat(callerPhone.length));
  const name = callerName?.trim();
  if (name && name.length >= 2) out = out.split(name).join('*'.repeat(name.length));
  return out;
}

export const openOrClosed = (state: string) => ((FINAL_STATES as readonly string[]).includes(state) ? 'closed' : 'open');

/**
 * Who reads: nobody known (a public, key-less answer) or the client behind a valid key. The address
 * and address id are the door (personal data, ADR 0170): a public answer carries the street or area
 * only (coarseAddress) and no address id; the client that submitted a request reads back what it sent.
 */
export type Reader = { clientId: string } | null;

export function presentRequest(r: ServiceRequestRow, reader: Reader = null) {
  const closed = openOrClosed(r.state) === 'closed';
  const own = reader !== null && r.api_client_id === reader.clientId;
  return {
    service_request_id: r.order_no,
    status: openOrClosed(r.state),
    status_notes: STATE_LABELS[r.state as OrderState]?.zh ?? null,
    service_name: r.service_name,
    service_code: r.service_code ?? '',
    description: scrubIdentity(r.content, r.caller_name, r.caller_phone).slice(0, MAX_DESCRIPTION),
    agency_responsible: r.agency,
    service_notice: null,
    requested_datetime: r.requested_datetime!,
    updated_datetime: closed && r.closed_datetime ? r.closed_datetime : r.updated_datetime,
    expected_datetime: closed ? null : r.reply_due_datetime,
    address: own ? r.address : coarseAddress(r.address),
    address_id: own ? r.address_id : null,
    zipcode: null,
    lat: blur(r.lat),
    long: blur(r.lng),
    media_url: r.media_url,
  } satisfies Open311Value;
}

export interface RequestQuery {
  service_request_id?: string;
  service_code?: string;
  start_date?: string;
  end_date?: string;
  status?: string;
}

const list = (v: string | undefined) =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

function instant(field: string, value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const at = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(at.getTime())) throw invalidField(field);
  return at;
}

/**
 * The window of GET requests: the last 90 days by default; one end given, 90 days from it; both
 * given, at most 90 days apart (a longer range is refused with 400, not clamped: ADR 0181).
 */
export function requestWindow(now: Date, startRaw?: string, endRaw?: string): { from: Date; to: Date } {
  const start = instant('start_date', startRaw);
  const end = instant('end_date', endRaw);
  const span = WINDOW_DAYS * DAY_MS;
  const from = start ?? new Date((end ?? now).getTime() - span);
  const to = end ?? (start ? new Date(start.getTime() + span) : now);
  if (from > to) throw invalidField('start_date', 'after end_date');
  if (to.getTime() - from.getTime() > span) throw domainError('VALIDATION', 'open311.range', {}, { field: 'start_date' });
  return { from, to };
}

/** GET requests: ids override every other filter; else service codes, window and status; at most 1,000. */
export async function listRequests(deps: Deps, centreId: string, q: RequestQuery, reader: Reader = null) {
  const present = (r: ServiceRequestRow) => presentRequest(r, reader);
  const ids = list(q.service_request_id);
  if (ids.length > 0) {
    const rows = await listServiceRequests(deps.db, { centreId, orderNos: ids.slice(0, MAX_REQUESTS), limit: MAX_REQUESTS });
    return rows.map(present);
  }
  const codes = list(q.service_code);
  const categoryIds = codes.length > 0 ? (await findServices(deps, centreId, codes)).map((c) => c.id) : undefined;
  const statuses = list(q.status);
  for (const s of statuses) if (s !== 'open' && s !== 'closed') throw invalidField('status');
  const states =
    statuses.length > 0
      ? [...(statuses.includes('open') ? OPEN_STATES : []), ...(statuses.includes('closed') ? FINAL_STATES : [])]
      : undefined;
  const { from, to } = requestWindow(deps.clock.now(), q.start_date, q.end_date);
  const rows = await listServiceRequests(deps.db, { centreId, categoryIds, states, from, to, limit: MAX_REQUESTS });
  return rows.map(present);
}

/** GET requests/{id}: the one request (a one-element list), 404 for an unknown or confidential one. */
export async function getRequest(deps: Deps, centreId: string, id: string, reader: Reader = null) {
  const rows = await listServiceRequests(deps.db, { centreId, orderNos: [id], limit: 1 });
  if (rows.length === 0) throw notFound('serviceRequest');
  return rows.map((r) => presentRequest(r, reader));
}

// ---- POST requests --------------------------------------------------------------------------------

export type FormValue = string | string[];
export type Form = Record<string, FormValue | undefined>;

const one = (form: Form, key: string): string | undefined => {
  const v = form[key];
  const s = Array.isArray(v) ? v[0] : v;
  return s === undefined || s.trim() === '' ? undefined : s.trim();
};

/** `attribute[code]=v` and `attribute[code][]=v1&attribute[code][]=v2` (multivaluelist). */
export function formAttributes(form: Form): Record<string, FormValue> {
  const out: Record<string, FormValue> = {};
  for (const [key, value] of Object.entries(form)) {
    const m = /^attribute\[([^\]]+)\](\[\])?$/.exec(key);
    if (!m || value === undefined) continue;
    out[m[1]!] = m[2] ? (Array.isArray(value) ? value : [value]) : Array.isArray(value) ? value[0]! : value;
  }
  return out;
}

function checkAttributes(defs: AttributeDefinition[], given: Record<string, FormValue>) {
  for (const def of defs) {
    const raw = given[def.code];
    const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((v) => v.trim() !== '');
    const bad = () =>
      domainError('VALIDATION', 'open311.attributeValue', { code: def.code }, { field: `attribute[${def.code}]` });
    if (values.length === 0) {
      if (def.required && def.variable) {
        throw domainError('VALIDATION', 'open311.attributeRequired', { code: def.code }, { field: `attribute[${def.code}]` });
      }
      continue;
    }
    const keys = def.values.map((v) => v.key);
    if (def.datatype === 'singlevaluelist' && (values.length !== 1 || !keys.includes(values[0]!))) throw bad();
    if (def.datatype === 'multivaluelist' && values.some((v) => !keys.includes(v))) throw bad();
    if (def.datatype === 'number' && values.some((v) => !Number.isFinite(Number(v)))) throw bad();
    if (def.datatype === 'datetime' && values.some((v) => Number.isNaN(new Date(v).getTime()))) throw bad();
  }
}

const HTML = /<\s*[a-zA-Z!/?]|&[a-zA-Z]+;|&#\d+;/;

function number(form: Form, key: string, min: number, max: number): number | undefined {
  const raw = one(form, key);
  if (raw === undefined) return undefined;
  const v = Number(raw);
  if (!Number.isFinite(v) || v < min || v > max) throw invalidField(key);
  return v;
}

function mediaUrl(form: Form): string | null {
  const raw = one(form, 'media_url');
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalidField('media_url');
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || raw.length > 2000) throw invalidField('media_url');
  return url.toString();
}

const short = (s: string | undefined, max: number, field: string) => {
  if (s !== undefined && s.length > max) throw invalidField(field, `at most ${max} characters`);
  return s ?? null;
};

/**
 * POST requests: an outside system's appeal becomes an order through the one intake (channel = the
 * client's channel, the client recorded on the order), with the Open311 extras beside it, in one
 * transaction. The answer is the order number as service_request_id (realtime, no token).
 */
export async function submitRequest(deps: OrderDeps, caller: ApiCaller, form: Form) {
  const code = one(form, 'service_code');
  if (!code) throw invalidField('service_code');
  const category = await findService(deps, caller.centreId, code);
  const lat = number(form, 'lat', -90, 90);
  const long = number(form, 'long', -180, 180);
  if ((lat === undefined) !== (long === undefined)) throw invalidField(lat === undefined ? 'lat' : 'long');
  const address = short(one(form, 'address_string'), 300, 'address_string');
  const addressId = short(one(form, 'address_id'), 100, 'address_id');
  if (lat === undefined && !address && !addressId) {
    throw domainError('VALIDATION', 'open311.locationRequired', {}, { field: 'lat' });
  }
  const description = one(form, 'description') ?? '';
  if (description.length > MAX_DESCRIPTION) throw invalidField('description', `at most ${MAX_DESCRIPTION} characters`);
  if (HTML.test(description)) throw domainError('VALIDATION', 'open311.noHtml', {}, { field: 'description' });
  const attributes = formAttributes(form);
  checkAttributes(await serviceAttributes(deps, category.id), attributes);
  const media = mediaUrl(form);
  const name = [one(form, 'last_name'), one(form, 'first_name')].filter((s) => s && s !== '-').join('');
  const phone = one(form, 'phone');
  const content = description || category.name;
  const firstLine = content.split(/\r?\n/)[0]!.slice(0, 40);
  const actor = apiClientActor(caller);
  const order = await deps.db.transaction().execute(async (tx) => {
    const created = await acceptOrderInTransaction({ tx, clock: deps.clock, hooks: deps.orderHooks }, actor, {
      channel: caller.channel,
      appealType: 'other',
      categoryId: category.id,
      priority: 3,
      title: `${category.name}：${firstLine}`.slice(0, 200),
      content,
      address: address ?? addressId ?? undefined,
      callerName: name ? name.slice(0, 100) : undefined,
      callerPhone: phone && normalizePhone(phone) ? phone : undefined,
      lat,
      lng: long,
    });
    await insertOpen311Request(tx, {
      orderId: created.id,
      clientId: caller.clientId,
      attributes,
      mediaUrl: media,
      addressId,
      accountId: short(one(form, 'account_id'), 100, 'account_id'),
      deviceId: short(one(form, 'device_id'), 100, 'device_id'),
      externalId: short(
        typeof attributes.fixmystreet_id === 'string' ? attributes.fixmystreet_id : undefined,
        100,
        'fixmystreet_id',
      ),
    });
    return created;
  });
  return [
    {
      service_request_id: order.order_no,
      service_notice: text('open311.serviceNotice', { orderNo: order.order_no }).zh,
      account_id: one(form, 'account_id') ?? null,
    },
  ] satisfies Open311Value;
}
