import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CitizenOptOutListView } from '../../src/contract/citizen-notices.js';
import { asUser, buildTestApp } from '../helpers/http.js';
import { useWorld } from '../helpers/use-world.js';

// Issue 16: staff look up who has opted out of notices (GET /api/citizen-notices/opt-outs): whole
// numbers for a reader with phone rights, masked otherwise; a search by a whole number is a logged
// personal-data access (as the order list's phone filter, issue 15); recording or removing an opt-out
// on the citizen's word is audited.
const { database, w } = useWorld();
let app: FastifyInstance;

beforeAll(async () => {
  app = await buildTestApp(w);
});
afterAll(async () => {
  await app?.close();
});

const trail = (purpose: string) =>
  database.db
    .selectFrom('pii_access_log')
    .select(['subject', 'user_id', 'fields', 'detail'])
    .where('purpose', '=', purpose)
    .orderBy('id')
    .execute();

describe('the opted-out list for staff', () => {
  it('lists, searches (logged) and removes opt-outs; masked without phone rights; every change audited', async () => {
    const supervisor = await asUser(app, w, 'supervisor');
    const admin = await asUser(app, w, 'admin');
    const operator = await asUser(app, w, 'operator');
    expect((await operator.get('/api/citizen-notices/opt-outs')).statusCode).toBe(403);

    for (const address of ['139 0000 7001', '13900007002', 'Zhang.Citizen@Example.org'])
      expect((await supervisor.post('/api/citizen-notices/opt-outs', { address, optedOut: true })).statusCode).toBe(200);
    const added = await trail('citizenOptOut.added');
    expect(added.map((r) => r.subject)).toEqual(['139****7001', '139****7002', 'z***@example.org']);
    expect(added.every((r) => r.user_id === w.actors.supervisor.userId)).toBe(true);

    // The supervisor (phone rights) reads whole numbers; the administrator (none) masked ones.
    const whole = (await supervisor.get('/api/citizen-notices/opt-outs')).json<CitizenOptOutListView>();
    expect(whole.unmasked).toBe(true);
    expect(whole.items.map((i) => i.address)).toEqual(
      expect.arrayContaining(['13900007001', '13900007002', 'zhang.citizen@example.org']),
    );
    const masked = await admin.get('/api/citizen-notices/opt-outs');
    expect(masked.statusCode).toBe(200);
    const maskedView = masked.json<CitizenOptOutListView>();
    expect(maskedView.unmasked).toBe(false);
    expect(maskedView.items.map((i) => i.address)).toEqual(
      expect.arrayContaining(['139****7001', '139****7002', 'z***@example.org']),
    );
    expect(JSON.stringify(maskedView)).not.toContain('13900007001');
    expect(maskedView.items.find((i) => i.address === 'z***@example.org')).toMatchObject({ channel: 'email', source: 'staff' });

    // A search by a whole number: found, and logged as an access (the number masked in the trail).
    const found = await supervisor.get('/api/citizen-notices/opt-outs?q=139-0000-7001');
    expect(found.statusCode).toBe(200);
    expect(found.json<CitizenOptOutListView>().items.map((i) => i.address)).toEqual(['13900007001']);
    const none = await supervisor.get('/api/citizen-notices/opt-outs?q=13900007999');
    expect(none.json<CitizenOptOutListView>().items).toEqual([]);
    const searches = await trail('citizenOptOut.search');
    expect(searches.map((r) => [r.subject, (r.detail as { found: boolean }).found])).toEqual([
      ['139****7001', true],
      ['139****7999', false],
    ]);
    expect(searches[0].fields).toEqual(['caller_phone']);
    // Without phone rights no search; a partial number is refused naming the field.
    expect((await admin.get('/api/citizen-notices/opt-outs?q=13900007001')).statusCode).toBe(403);
    const partial = await supervisor.get('/api/citizen-notices/opt-outs?q=7001');
    expect(partial.statusCode).toBe(400);
    expect(partial.json().error.field).toBe('q');
    expect((await trail('citizenOptOut.search')).length).toBe(2);

    // Removed at the citizen's request: gone from the list, audited.
    expect((await supervisor.post('/api/citizen-notices/opt-outs', { address: '13900007001', optedOut: false })).statusCode).toBe(
      200,
    );
    const after = (await supervisor.get('/api/citizen-notices/opt-outs')).json<CitizenOptOutListView>();
    expect(after.items.map((i) => i.address)).not.toContain('13900007001');
    expect((await trail('citizenOptOut.removed')).map((r) => r.subject)).toEqual(['139****7001']);
    expect((await operator.post('/api/citizen-notices/opt-outs', { address: '13900007002', optedOut: false })).statusCode).toBe(
      403,
    );
  });
});
