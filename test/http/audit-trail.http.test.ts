import { describe, expect, it } from 'vitest';
import { asUser } from '../helpers/http.js';
import { newOrder } from '../helpers/orders.js';
import { useApp } from '../helpers/use-world.js';

// Issue 15 / ADR 0161: the audit administrator searches and exports the trail and sees its verification;
// refused requests (403) and sign-outs are rows of it.
const { w, app } = useApp();

describe('the audit trail for the audit administrator', () => {
  it('records refused requests and sign-outs, and finds them by person, action and time', async () => {
    const analyst = await asUser(app, w, 'analyst');
    expect((await analyst.get('/api/audit/log')).statusCode).toBe(403);
    const operator = await asUser(app, w, 'operator');
    expect((await operator.post('/api/auth/logout')).statusCode).toBe(200);

    const auditor = await asUser(app, w, 'auditor');
    const refused = await auditor.get(`/api/audit/log?person=${w.usernames.analyst}&action=http.forbidden`);
    expect(refused.statusCode).toBe(200);
    expect(refused.headers['cache-control']).toBe('no-store');
    expect(refused.json().entries).toHaveLength(1);
    expect(refused.json().entries[0]).toMatchObject({
      username: w.usernames.analyst,
      action: 'http.forbidden',
      detail: { method: 'GET', route: '/api/audit/log' },
    });
    expect(refused.json().entries[0].chainSeq).toBeGreaterThan(0);

    const auth = (await auditor.get(`/api/audit/log?person=${w.usernames.operator}&action=auth.`)).json();
    expect(auth.entries.map((e: { action: string }) => e.action)).toEqual(['auth.logout', 'auth.login']);
    const future = new Date(w.clock.now().getTime() + 86_400_000).toISOString();
    expect((await auditor.get(`/api/audit/log?from=${encodeURIComponent(future)}`)).json().entries).toEqual([]);
    // Bad filters are a 400 naming the field.
    const bad = await auditor.get('/api/audit/log?from=yesterday');
    expect(bad.statusCode).toBe(400);
  });

  it('exports the search as CSV, and the export is itself audited', async () => {
    const auditor = await asUser(app, w, 'auditor');
    const csv = await auditor.get('/api/audit/log.csv?action=auth.');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body).toContain('auth.login');
    expect(csv.body).toContain(w.usernames.auditor);
    const exports = (await auditor.get('/api/audit/log?action=audit.export')).json().entries;
    expect(exports).toHaveLength(1);
    expect(exports[0]).toMatchObject({ username: w.usernames.auditor, detail: { filter: { action: 'auth.' } } });
  });

  it('shows the chains verified, and a tampered timeline row by name', async () => {
    const auditor = await asUser(app, w, 'auditor');
    const order = await newOrder(w, { title: '审计核验' });
    const checked = await auditor.post('/api/audit/verification');
    expect(checked.statusCode).toBe(200);
    expect(checked.json()).toMatchObject({ ok: true });
    expect(checked.json().chains.some((c: { stream: string }) => c.stream === 'timeline')).toBe(true);

    const event = await w.deps.db
      .selectFrom('order_events')
      .select(['id'])
      .where('order_id', '=', order.id)
      .executeTakeFirstOrThrow();
    await w.deps.db.updateTable('order_events').set({ note: '事后改写' }).where('id', '=', event.id).execute();
    const broken = (await auditor.post('/api/audit/verification')).json();
    expect(broken.ok).toBe(false);
    const timeline = broken.chains.find((c: { stream: string; ok: boolean }) => c.stream === 'timeline' && !c.ok);
    expect(timeline.en).toContain(`order_events id ${event.id}`);
    // The latest outcome is what the console shows on opening.
    expect((await auditor.get('/api/audit/verification')).json().ok).toBe(false);
    // Other roles see none of it.
    const supervisor = await asUser(app, w, 'supervisor');
    expect((await supervisor.get('/api/audit/verification')).statusCode).toBe(403);
  });
});
