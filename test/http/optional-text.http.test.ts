import { Ajv } from 'ajv';
import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { blankMeansAbsentKeyword, OptionalText } from '../../src/shared/schema.js';
import { asUser } from '../helpers/http.js';
import { newOrder } from '../helpers/orders.js';
import { useApp } from '../helpers/use-world.js';

/**
 * An optional free text typed as only spaces is no text: forms send '' for an empty field. The rule
 * lives once, in the schema kit's OptionalText (src/shared/schema.ts), applied while Fastify validates.
 */
const { w, app } = useApp({ start: '2025-03-03T02:00:00Z' });

describe('OptionalText', () => {
  it('trims a text in place and removes a blank one, at any depth', () => {
    const ajv = new Ajv({ strict: false });
    ajv.addKeyword(blankMeansAbsentKeyword);
    const check = ajv.compile(Type.Object({ note: OptionalText(20), inner: Type.Object({ text: OptionalText(20) }) }));
    const body: Record<string, unknown> = { note: ' \n ', inner: { text: '  门口  ' } };
    expect(check(body)).toBe(true);
    expect(body).toEqual({ inner: { text: '门口' } });
    expect(check({ note: 'x'.repeat(21), inner: {} })).toBe(false); // the length still counts
  });

  it('a blank action note is no note on the timeline, a padded one is stored trimmed', async () => {
    const dispatcher = await asUser(app, w, 'dispatcher');
    const o = await newOrder(w);
    const dispatched = await dispatcher.post(`/api/orders/${o.id}/actions/dispatch`, {
      version: o.version,
      note: '  请尽快联系  ',
      leadUnitId: w.units.deptA1.id,
      instructions: '',
    });
    expect(dispatched.statusCode).toBe(200);
    const handler = await asUser(app, w, 'unit_handler');
    const signed = await handler.post(`/api/orders/${o.id}/actions/sign`, { version: dispatched.json().version, note: '   ' });
    expect(signed.statusCode).toBe(200);
    const events = (await dispatcher.get(`/api/orders/${o.id}/timeline`)).json().events as {
      action: string;
      note: string | null;
      payload: Record<string, unknown> | null;
    }[];
    const dispatch = events.find((e) => e.action === 'dispatch');
    expect(dispatch?.note).toBe('请尽快联系');
    expect(dispatch?.payload?.instructions).toBeNull();
    expect(events.find((e) => e.action === 'sign')?.note).toBeNull();
  });

  it('a blank rule note is stored as none (it was kept as spaces)', async () => {
    const admin = await asUser(app, w, 'admin');
    const created = await admin.post('/api/timelimits/policies', {
      stage: 'sign',
      appealType: 'praise',
      amount: 2,
      unit: 'working_days',
      note: '   ',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().note).toBeNull();
    const changed = await admin.request({
      method: 'PUT',
      url: `/api/timelimits/policies/${created.json().id}`,
      payload: { amount: 3, unit: 'working_days', note: ' 表扬件 ' },
    });
    expect(changed.json().note).toBe('表扬件');
  });

  it('blank caller name and address at intake are none', async () => {
    const operator = await asUser(app, w, 'operator');
    const res = await operator.post('/api/orders', {
      channel: 'phone',
      appealType: 'consult',
      priority: 3,
      title: '咨询社保',
      content: '咨询社保卡办理地点',
      callerPhone: '13800000000',
      callerName: '  ',
      address: '',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().caller.name).toBeNull();
    expect(res.json().address).toBeNull();
  });
});
