import { beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/apiclients/api-client.service.js';
import { STATE_LABELS } from '../../src/contract/labels.js';
import { w3c } from '../../src/open311/open311-requests.service.js';
import { findCentre, insertCentre } from '../../src/org/unit.repository.js';
import { act } from '../helpers/orders.js';
import { parseOpen311Xml, validOpen311 } from '../helpers/open311.js';
import { useApp } from '../helpers/use-world.js';

// Issue 17 follow-ups (ADR 0181 amendment): the door is not public, the values of status_notes,
// agency_responsible and expected_datetime, POST updates idempotent on update_id, and the 403s of an
// accepted key (another centre's jurisdiction, another client's request) audited like refused keys.
const { w, app } = useApp({ start: '2025-03-03T02:00:00Z' });

const FORM = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };
const get = (url: string) => app.inject({ method: 'GET', url });
const postForm = (url: string, fields: Record<string, string>) =>
  app.inject({ method: 'POST', url, headers: FORM, payload: new URLSearchParams(fields).toString() });

type Req = {
  service_request_id: string;
  status: string;
  status_notes: string | null;
  agency_responsible: string | null;
  expected_datetime: string | null;
  requested_datetime: string;
  address: string | null;
  address_id: string | null;
};

let jurisdiction = '';
let key = '';
let otherKey = '';
let foreignKey = '';
let foreignCode = '';
let requestId = '';

const refusals = async () =>
  (
    await w.deps.db.selectFrom('pii_access_log').select(['detail', 'subject']).where('purpose', '=', 'api.key.refused').execute()
  ).map((r): Record<string, string | null> => ({ ...(r.detail as Record<string, string>), subject: r.subject }));

beforeAll(async () => {
  jurisdiction = (await findCentre(w.deps.db, w.centreId))!.code;
  const make = async (centreId: string, name: string) =>
    (await createApiClient(w.deps, null, centreId, { name, scopes: ['submit', 'read'] }, { issueKey: true })).issued!.key;
  key = await make(w.centreId, '蒙速办');
  otherKey = await make(w.centreId, '网格平台');
  const foreign = await insertCentre(w.deps.db, { code: `f${Date.now().toString(36)}`, name: '另一个中心' });
  foreignCode = foreign.code;
  foreignKey = await make(foreign.id, '别处的系统');
  const posted = await postForm('/open311/v2/requests.json', {
    jurisdiction_id: jurisdiction,
    api_key: key,
    service_code: 'C11',
    address_string: '锡林浩特市锦绣园5号楼3单元501室',
    address_id: 'door-8812',
    description: '楼道灯坏了一个月。',
  });
  expect(posted.statusCode).toBe(200);
  requestId = JSON.parse(posted.body)[0].service_request_id;
});

describe('the address in public answers', () => {
  it('a key-less reader sees the street or area, never the door nor the address id; the submitting client its own', async () => {
    const url = `/open311/v2/requests/${requestId}.json?jurisdiction_id=${jurisdiction}`;
    const [pub] = validOpen311<Req[]>('requests.json', (await get(url)).body);
    expect(pub).toMatchObject({ address: '锡林浩特市锦绣园', address_id: null });
    const list = validOpen311<Req[]>(
      'requests.json',
      (await get(`/open311/v2/requests.json?jurisdiction_id=${jurisdiction}`)).body,
    );
    expect(JSON.stringify(list)).not.toContain('5号楼');
    const xml = parseOpen311Xml((await get(`/open311/v2/requests/${requestId}.xml?jurisdiction_id=${jurisdiction}`)).body);
    expect(xml.service_requests.request[0].address).toBe('锡林浩特市锦绣园');
    const [own] = validOpen311<Req[]>('requests.json', (await get(`${url}&api_key=${key}`)).body);
    expect(own).toMatchObject({ address: '锡林浩特市锦绣园5号楼3单元501室', address_id: 'door-8812' });
    const [others] = validOpen311<Req[]>('requests.json', (await get(`${url}&api_key=${otherKey}`)).body);
    expect(others).toMatchObject({ address: '锡林浩特市锦绣园', address_id: null });
  });
});

describe('the values of a request', () => {
  it('status_notes is the state in Chinese, agency_responsible the lead unit, expected_datetime the reply deadline', async () => {
    const url = `/open311/v2/requests/${requestId}.json?jurisdiction_id=${jurisdiction}`;
    const [fresh] = validOpen311<Req[]>('requests.json', (await get(url)).body);
    expect(fresh).toMatchObject({
      status: 'open',
      status_notes: STATE_LABELS.accepted.zh,
      agency_responsible: null,
      expected_datetime: null,
    });
    const order = await w.deps.db.selectFrom('orders').selectAll().where('order_no', '=', requestId).executeTakeFirstOrThrow();
    await act(w, w.actors.dispatcher, order, 'dispatch', { leadUnitId: w.units.deptA1.id });
    const deadline = await w.deps.db
      .selectFrom('order_deadlines')
      .select('due_at')
      .where('order_id', '=', order.id)
      .where('stage', '=', 'reply')
      .executeTakeFirstOrThrow();
    const [dispatched] = validOpen311<Req[]>('requests.json', (await get(url)).body);
    expect(dispatched).toMatchObject({
      status: 'open',
      status_notes: '待签收',
      agency_responsible: 'A旗住建局',
      expected_datetime: w3c(deadline.due_at),
    });
    expect(Date.parse(dispatched!.expected_datetime!)).toBeGreaterThan(Date.parse(dispatched!.requested_datetime));
  });
});

describe('POST servicerequestupdates', () => {
  const update = (apiKey: string, updateId: string | undefined, description: string) =>
    postForm('/open311/v2/servicerequestupdates.json', {
      jurisdiction_id: jurisdiction,
      api_key: apiKey,
      service_request_id: requestId,
      ...(updateId && { update_id: updateId }),
      updated_datetime: '2025-03-03T02:00:00Z',
      status: 'OPEN',
      description,
    });
  const comments = async () =>
    w.deps.db
      .selectFrom('order_events')
      .innerJoin('orders', 'orders.id', 'order_events.order_id')
      .select(['order_events.id', 'order_events.note'])
      .where('orders.order_no', '=', requestId)
      .where('order_events.action', '=', 'external_comment')
      .orderBy('order_events.id')
      .execute();

  it('a retry with the same update_id answers the same update and records it once', async () => {
    const first = await update(key, 'fms-u-7', '市民补充：灯在三楼');
    expect(first.statusCode).toBe(200);
    const id = (JSON.parse(first.body) as { update_id: string }[])[0]!.update_id;
    const [again, atOnce] = await Promise.all([
      update(key, 'fms-u-7', '市民补充：灯在三楼'),
      update(key, 'fms-u-7', '市民补充：灯在三楼'),
    ]);
    expect(JSON.parse(again.body)[0].update_id).toBe(id);
    expect(JSON.parse(atOnce.body)[0].update_id).toBe(id);
    expect((await comments()).map((c) => c.note)).toEqual(['市民补充：灯在三楼']);
    const next = await update(key, 'fms-u-8', '市民补充：已经修好一半');
    expect(JSON.parse(next.body)[0].update_id).not.toBe(id);
    expect(await comments()).toHaveLength(2);
  });

  it("another client's request is refused with 403 and audited as a refused key use", async () => {
    const res = await update(otherKey, 'x-1', '别人的补充');
    expect(res.statusCode).toBe(403);
    expect(await comments()).toHaveLength(2);
    expect(await refusals()).toContainEqual(
      expect.objectContaining({
        reason: 'not_own_request',
        serviceRequestId: requestId,
        scope: 'submit',
        subject: expect.stringMatching(/^网格平台 \(lx_[0-9a-f]{8}\)$/),
      }),
    );
  });
});

describe('a key of another centre', () => {
  it('is refused with 403 on every keyed route and each refusal is audited with the jurisdiction asked', async () => {
    const before = (await refusals()).filter((r) => r.reason === 'other_centre').length;
    const read = await get(`/open311/v2/requests.json?jurisdiction_id=${jurisdiction}&api_key=${foreignKey}`);
    expect(read.statusCode).toBe(403);
    expect(JSON.parse(read.body)[0].code).toBe(403);
    const post = await postForm('/open311/v2/requests.json', {
      jurisdiction_id: jurisdiction,
      api_key: foreignKey,
      service_code: 'C11',
      address_string: '某街道',
      description: '路灯不亮',
    });
    expect(post.statusCode).toBe(403);
    const rows = (await refusals()).filter((r) => r.reason === 'other_centre');
    expect(rows).toHaveLength(before + 2);
    expect(rows.at(-1)).toMatchObject({ jurisdiction, scope: 'submit', subject: expect.stringContaining('别处的系统') });
    expect(foreignCode).not.toBe(jurisdiction);
  });
});
