import { describe, expect, it } from 'vitest';
import { listRequests } from '../../src/open311/open311-requests.service.js';
import { insertCategory } from '../../src/org/catalog.repository.js';
import { useWorld } from '../helpers/use-world.js';

// GET requests with a service_code list or a status reads each service (else each state) newest first
// from its own index range and merges them (the bench's finding, migration 1110). The answer must be
// exactly the one filter over all rows would give: every matching request of the window, newest
// first across the services and states, and nothing else.
const { w } = useWorld('2025-06-01T00:00:00Z');

const STATES = ['accepted', 'handling', 'closed', 'invalid', 'replied'] as const;

async function seed() {
  const db = w.deps.db;
  const parent = await db
    .selectFrom('categories')
    .select(['id', 'path'])
    .where('id', '=', w.categoryId)
    .executeTakeFirstOrThrow();
  const top = await db
    .selectFrom('categories')
    .select(['id', 'path'])
    .where('centre_id', '=', w.centreId)
    .where('level', '=', 1)
    .executeTakeFirstOrThrow();
  const other = await insertCategory(db, {
    centreId: w.centreId,
    parentId: top.id,
    parentPath: top.path,
    code: 'C12',
    name: '供热',
    level: 2,
  });
  const third = await insertCategory(db, {
    centreId: w.centreId,
    parentId: top.id,
    parentPath: top.path,
    code: 'C13',
    name: '噪音',
    level: 2,
  });
  const cats = [parent.id, other.id, third.id];
  // 60 orders, one every 36 hours back from now (the last ones outside the 90-day window); services,
  // states and confidentiality in rotation.
  const rows = Array.from({ length: 60 }, (_, i) => ({
    i,
    category_id: cats[i % 3]!,
    state: STATES[i % STATES.length]!,
    caller_confidential: i % 7 === 3,
    accepted_at: new Date(Date.parse('2025-06-01T00:00:00Z') - (i + 1) * 36 * 3_600_000),
  }));
  await db
    .insertInto('orders')
    .values(
      rows.map((r) => ({
        centre_id: w.centreId,
        order_no: `L${String(r.i).padStart(4, '0')}`,
        query_code: '000000',
        channel: 'phone' as const,
        appeal_type: 'report' as const,
        priority: 3,
        title: `t${r.i}`,
        content: `c${r.i}`,
        category_id: r.category_id,
        state: r.state,
        caller_confidential: r.caller_confidential,
        accepted_at: r.accepted_at,
        updated_at: r.accepted_at,
      })),
    )
    .execute();
  return { rows, cats };
}

describe('Open311 GET requests by service and status', () => {
  it('answers exactly the matching requests of the window, newest first across services and states', async () => {
    const { rows, cats } = await seed();
    const since = Date.parse('2025-06-01T00:00:00Z') - 90 * 86_400_000;
    const expected = (cs: string[] | null, states: readonly string[] | null) =>
      rows
        .filter((r) => !r.caller_confidential && r.accepted_at.getTime() >= since)
        .filter((r) => (cs ? cs.includes(r.category_id) : true))
        .filter((r) => (states ? states.includes(r.state) : true))
        .sort((a, b) => b.accepted_at.getTime() - a.accepted_at.getTime())
        .map((r) => `L${String(r.i).padStart(4, '0')}`);
    const ids = async (q: Record<string, string>) =>
      (await listRequests(w.deps, w.centreId, q)).map((r) => r.service_request_id).filter((id) => id.startsWith('L'));
    const open = ['accepted', 'handling', 'replied'];
    const cases: [Record<string, string>, string[] | null, readonly string[] | null][] = [
      [{ service_code: 'C11,C12' }, [cats[0]!, cats[1]!], null],
      [{ service_code: 'C12,C13,C12', status: 'open' }, [cats[1]!, cats[2]!], open],
      [{ service_code: 'C13', status: 'closed' }, [cats[2]!], ['closed', 'invalid']],
      [{ status: 'closed' }, null, ['closed', 'invalid']],
      [{ status: 'open,closed' }, null, null],
      [{}, null, null],
    ];
    for (const [q, cs, states] of cases) {
      const want = expected(cs, states);
      expect(want.length, JSON.stringify(q)).toBeGreaterThan(2);
      expect(await ids(q), JSON.stringify(q)).toEqual(want);
    }
    // A window in the past: only its requests, still merged newest first.
    const window = { start_date: '2025-03-20T00:00:00Z', end_date: '2025-05-01T00:00:00Z', service_code: 'C11,C13' };
    const from = Date.parse(window.start_date);
    const to = Date.parse(window.end_date);
    const inWindow = rows
      .filter((r) => !r.caller_confidential && r.accepted_at.getTime() >= from && r.accepted_at.getTime() <= to)
      .filter((r) => r.category_id === cats[0] || r.category_id === cats[2])
      .sort((a, b) => b.accepted_at.getTime() - a.accepted_at.getTime())
      .map((r) => `L${String(r.i).padStart(4, '0')}`);
    expect(inWindow.length).toBeGreaterThan(2);
    expect(await ids(window)).toEqual(inWindow);
  });

  it('an unknown service in the list is 404, as one alone is', async () => {
    await expect(listRequests(w.deps, w.centreId, { service_code: 'C11,NOPE' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
