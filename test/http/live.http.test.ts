import { beforeAll, describe, expect, it } from 'vitest';
import { asUser } from '../helpers/http.js';
import { act, newOrder } from '../helpers/orders.js';
import { useApp } from '../helpers/use-world.js';

/** Reads a Server-Sent Events stream and collects `order` events until told to stop. */
function collectEvents(body: ReadableStream<Uint8Array>) {
  const events: { orderId: string; action: string }[] = [];
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const done = (async () => {
    for (;;) {
      const chunk = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (chunk.done) return;
      buffer += decoder.decode(chunk.value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block.split('\n').find((l) => l.startsWith('data: '));
        if (block.includes('event: order') && data) events.push(JSON.parse(data.slice(6)));
      }
    }
  })();
  return { events, stop: () => reader.cancel(), done };
}

/** GET /api/live through a real socket: each user hears only of orders they may see. */
describe('live updates over SSE', () => {
  const { w: world, app } = useApp();
  let base: string;

  beforeAll(async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });

  it('refuses a stranger', async () => {
    const res = await fetch(`${base}/api/live`);
    expect(res.status).toBe(401);
  });

  it('streams changes to the centre and to the lead unit, not to another unit', async () => {
    const open = async (who: 'supervisor' | 'unit_handler' | 'handlerB') => {
      const client = await asUser(app, world, who);
      const res = await fetch(`${base}/api/live`, { headers: { cookie: `lianxin_session=${client.token}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/event-stream');
      return collectEvents(res.body!);
    };
    const supervisor = await open('supervisor');
    const handler = await open('unit_handler');
    const other = await open('handlerB');
    await new Promise((r) => setTimeout(r, 2500)); // the shared poller has read the starting point
    let order = await newOrder(world, { title: '实时更新测试' });
    order = await act(world, world.actors.dispatcher, order, 'dispatch', { leadUnitId: world.units.deptA1.id });
    await expect.poll(() => supervisor.events.length, { timeout: 8000, interval: 200 }).toBeGreaterThanOrEqual(2);
    await expect.poll(() => handler.events.length, { timeout: 8000, interval: 200 }).toBeGreaterThanOrEqual(1);
    expect(supervisor.events.map((e) => e.action)).toEqual(['accept', 'dispatch']);
    expect(handler.events.every((e) => e.orderId === order.id)).toBe(true);
    expect(handler.events.map((e) => e.action)).toContain('dispatch');
    expect(other.events).toEqual([]);
    for (const s of [supervisor, handler, other]) await s.stop();
  });

  it('ends the open stream of a user the admin deactivates', async () => {
    const analyst = await asUser(app, world, 'analyst');
    const cookie = `lianxin_session=${analyst.token}`;
    const res = await fetch(`${base}/api/live`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const stream = collectEvents(res.body!);
    const admin = await asUser(app, world, 'security_admin');
    const off = await admin.request({
      method: 'PATCH',
      url: `/api/users/${world.actors.analyst.userId}`,
      payload: { active: false },
    });
    expect(off.statusCode).toBe(200);
    await stream.done; // the server ended the response
    expect((await fetch(`${base}/api/live`, { headers: { cookie } })).status).toBe(401);
  });

  it('ends the open stream of a user moved to another unit; the browser reconnects with a fresh filter', async () => {
    const mover = await asUser(app, world, 'handlerA1a');
    const cookie = `lianxin_session=${mover.token}`;
    const res = await fetch(`${base}/api/live`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const stream = collectEvents(res.body!);
    const admin = await asUser(app, world, 'security_admin');
    const moved = await admin.request({
      method: 'PATCH',
      url: `/api/users/${world.actors.handlerA1a.userId}`,
      payload: { unitId: world.units.deptB1.id },
    });
    expect(moved.statusCode).toBe(200);
    await stream.done; // no heartbeat needed: the change was made in this process
    const again = await fetch(`${base}/api/live`, { headers: { cookie } });
    expect(again.status).toBe(200); // same session, now scoped to county B's department
    await again.body!.cancel();
  });

  it('ends the open stream when its session signs out', async () => {
    const leader = await asUser(app, world, 'leader');
    const cookie = `lianxin_session=${leader.token}`;
    const res = await fetch(`${base}/api/live`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const stream = collectEvents(res.body!);
    expect((await leader.post('/api/auth/logout')).statusCode).toBe(200);
    await stream.done;
    expect((await fetch(`${base}/api/live`, { headers: { cookie } })).status).toBe(401);
  });
});
