import { describe, expect, it } from 'vitest';
import { runRetention } from '../../src/retention/retention.service.js';
import type { Client } from '../helpers/http.js';
import { asUser } from '../helpers/http.js';
import { act, toVisiting } from '../helpers/orders.js';
import { useApp } from '../helpers/use-world.js';

// 个人信息保存期限 in the console (issue 15, ADR 0174): the system administrator reads what the daily
// erasure will do and sets the period; nobody else may, and every change is one audit row.
const { w, app } = useApp();
const DAY = 24 * 3600_000;

const put = (client: Client, payload: unknown) =>
  client.request({ method: 'PUT', url: '/api/retention', payload: payload as Record<string, unknown> });
const retentionRows = () =>
  w.deps.db
    .selectFrom('pii_access_log')
    .select(['user_id', 'purpose', 'subject', 'detail'])
    .where('purpose', 'in', ['admin.centre.retention', 'admin.act'])
    .orderBy('id')
    .execute();

describe('the retention page (GET/PUT /api/retention)', () => {
  it('shows the period, what is due, what was erased and the last run', async () => {
    const admin = await asUser(app, w, 'admin');
    expect((await admin.get('/api/retention')).json()).toMatchObject({ retentionYears: 3, due: 0, erased: 0, lastRun: null });

    await act(w, w.actors.supervisor, await toVisiting(w), 'visit_close', {
      reached: true,
      satisfaction: 'satisfied',
      resolved: true,
    });
    w.clock.advance(3 * 365 * DAY + 2 * DAY);
    const later = await asUser(app, w, 'admin'); // three years on, the earlier session has long expired
    const due = (await later.get('/api/retention')).json();
    expect(due).toMatchObject({ retentionYears: 3, due: 1, erased: 0, lastRun: null });
    expect(new Date(due.closedBefore).getTime()).toBeLessThan(w.clock.now().getTime() - 3 * 364 * DAY);

    await runRetention(w.deps);
    expect((await later.get('/api/retention')).json()).toMatchObject({
      due: 0,
      erased: 1,
      lastRun: { at: w.clock.now().toISOString(), orders: 1 },
    });
  });

  it('lets the system administrator alone set 1–30 years, and audits each change once', async () => {
    const admin = await asUser(app, w, 'admin');
    for (const bad of [{ years: 0 }, { years: 31 }, { years: 2.5 }, { years: '五' }, {}, { years: 5, extra: 1 }]) {
      const refused = await put(admin, bad);
      expect(`${JSON.stringify(bad)}:${refused.statusCode}`).toBe(`${JSON.stringify(bad)}:400`);
    }
    expect((await put(admin, { years: 31 })).json().error).toMatchObject({ field: expect.stringContaining('years') });
    for (const role of ['security_admin', 'auditor', 'supervisor', 'leader', 'operator'] as const) {
      const other = await asUser(app, w, role);
      expect(`${role}:${(await put(other, { years: 1 })).statusCode}`).toBe(`${role}:403`);
      expect(`${role}:${(await other.get('/api/retention')).statusCode}`).toBe(`${role}:403`);
    }

    const before = (await retentionRows()).length;
    const changed = await put(admin, { years: 5 });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ retentionYears: 5 });
    const rows = (await retentionRows()).slice(before);
    expect(rows).toEqual([
      {
        user_id: w.actors.admin.userId,
        purpose: 'admin.centre.retention',
        subject: expect.any(String),
        detail: { before: 3, after: 5, via: 'console' },
      },
    ]);
    expect((await admin.get('/api/retention')).json().retentionYears).toBe(5);
  });
});
