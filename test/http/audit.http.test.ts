import { describe, expect, it } from 'vitest';
import { asUser } from '../helpers/http.js';
import { newOrder } from '../helpers/orders.js';
import { useApp } from '../helpers/use-world.js';

const { w, app } = useApp();

describe('personal-data audit', () => {
  it('shows the auditor who viewed a caller unmasked; nobody else may look', async () => {
    const o = await newOrder(w);
    const operator = await asUser(app, w, 'operator');
    expect((await operator.get(`/api/orders/${o.id}`)).json().order.caller.masked).toBe(false);
    const auditor = await asUser(app, w, 'auditor');
    const log = await auditor.get(`/api/audit/pii-access?order=${o.order_no}`);
    expect(log.statusCode).toBe(200);
    expect(log.json().entries).toEqual([expect.objectContaining({ username: w.usernames.operator, purpose: 'order.detail' })]);
    expect((await operator.get(`/api/audit/pii-access?order=${o.order_no}`)).statusCode).toBe(403);
    expect((await auditor.get('/api/audit/pii-access?order=0000000000')).statusCode).toBe(404);
  });
});
