import { composeDeps } from '../../src/composition.js';
import { defaultDomainSettings } from '../../src/config/domain-settings.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureDemo, prepareDemo } from '../../src/demo/demo.service.js';
import { DEMO_LEADER_FOLLOWUP_REASON } from '../../src/demo/demo-desk.data.js';
import { ORDER_STATES } from '../../src/orders/order.constants.js';
import { retrieveAnswerable } from '../../src/knowledge/knowledge-search.service.js';
import { ManualClock } from '../../src/shared/clock.js';
import { createTestDatabase } from '../helpers/test-db.js';
import { ROLES } from '../../src/users/roles.js';
import { useTestDatabase } from '../helpers/use-world.js';

const database = useTestDatabase();
const lines: string[] = [];

beforeAll(async () => {
  const deps = composeDeps({
    db: database.db,
    clock: new ManualClock('2025-06-30T10:00:00Z'),
    dataDir: '/tmp',
    settings: defaultDomainSettings(),
  });
  await ensureDemo(deps, (l) => lines.push(l), { days: 20, perDay: 8 });
  await ensureDemo(deps, (l) => lines.push(l), { days: 20, perDay: 8 }); // second start: no reseed
}, 180_000);

describe('the demo hotline', () => {
  it('models the Xilingol centre: 13 banners/counties, 38 league departments, utilities, ~300 units', async () => {
    const units = await database.db.selectFrom('units').select(['kind', 'name']).execute();
    const count = (kind: string) => units.filter((u) => u.kind === kind).length;
    // Each banner/county node and its government office (人民政府, which forwards down: issue 14).
    expect(count('county')).toBe(26);
    expect(units.filter((u) => u.kind === 'county' && u.name.endsWith('人民政府'))).toHaveLength(13);
    expect(count('league_dept')).toBe(38);
    expect(count('company')).toBeGreaterThanOrEqual(20);
    expect(units.length).toBeGreaterThanOrEqual(280);
    expect(units.length).toBeLessThanOrEqual(320);
  });

  it('has one sign-in per role and prints them', async () => {
    const users = await database.db.selectFrom('users').select(['roles']).execute();
    expect(new Set(users.flatMap((u) => u.roles))).toEqual(new Set(ROLES));
    expect(lines.filter((l) => l.includes('first start'))).toHaveLength(1);
    expect(lines.join('\n')).toContain('Demo@12345');
  });

  it('generates history with orders in every state, each with a timeline', async () => {
    const rows = await database.db.selectFrom('orders').select(['state', 'id']).execute();
    expect(new Set(rows.map((r) => r.state))).toEqual(new Set(ORDER_STATES));
    const withoutEvents = await database.db
      .selectFrom('orders')
      .select('id')
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('order_events').select('id').whereRef('order_events.order_id', '=', 'orders.id'))),
      )
      .execute();
    expect(withoutEvents).toHaveLength(0);
  });

  it('starts with a published knowledge base that answers a typed appeal, one article near expiry, one overdue for review', async () => {
    const centre = await database.db.selectFrom('centres').select('id').executeTakeFirstOrThrow();
    const deps = composeDeps({
      db: database.db,
      clock: new ManualClock('2025-06-30T10:00:00Z'),
      dataDir: '/tmp',
      settings: defaultDomainSettings(),
    });
    const ranked = await retrieveAnswerable(deps, centre.id, '家里暖气不热，排过气了还是凉的，什么时候能修', 3);
    const [top] = await database.db.selectFrom('knowledge_articles').select(['title']).where('id', '=', ranked[0]!.id).execute();
    expect(top!.title).toBe('锡林浩特市供暖期及室温标准');
    const articles = await database.db.selectFrom('knowledge_articles').select(['status', 'valid_to', 'review_at']).execute();
    expect(articles.length).toBeGreaterThanOrEqual(10);
    expect(articles.every((a) => a.status === 'published')).toBe(true);
    expect(articles.some((a) => a.valid_to !== null && a.valid_to > '2025-06-30' && a.valid_to <= '2025-07-14')).toBe(true);
    expect(articles.some((a) => a.review_at !== null && a.review_at < '2025-06-30')).toBe(true);
    expect(lines.join('\n')).toMatch(/\d+ knowledge articles/);
  });
});

describe('the demo desk extras (issue 13)', () => {
  it('gives the handler and the dispatcher a saved filter each', async () => {
    const rows = await database.db
      .selectFrom('saved_filters')
      .innerJoin('users', 'users.id', 'saved_filters.user_id')
      .select(['users.username', 'saved_filters.queue'])
      .orderBy('users.username')
      .execute();
    expect(rows).toEqual([
      { username: 'dispatcher', queue: 'dispatch' },
      { username: 'handler', queue: 'unit_inbox' },
    ]);
  });

  it('links a call with a local recording to an order awaiting its 回访', async () => {
    const calls = await database.db
      .selectFrom('calls')
      .innerJoin('call_order_links', 'call_order_links.call_id', 'calls.id')
      .innerJoin('orders', 'orders.id', 'call_order_links.order_id')
      .select(['calls.recording_url', 'calls.caller_number', 'orders.caller_phone', 'orders.state', 'orders.channel'])
      .execute();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.recording_url).toMatch(/^\/demo\/recordings\//);
    expect(calls[0]!.caller_number).toBe(calls[0]!.caller_phone);
    expect(calls[0]!.state).toBe('visiting');
    expect(calls[0]!.channel).toBe('phone');
  });

  it('writes street addresses, not titles, and the title, content and address name the same place', async () => {
    const rows = await database.db.selectFrom('orders').select(['title', 'content', 'address']).execute();
    const placed = rows.filter((r) => r.address !== null);
    expect(placed.length).toBeGreaterThan(rows.length / 2);
    for (const r of placed) {
      expect(r.address, r.title).toMatch(/(?:\d+号楼\d单元|\d+号|交叉口)$/);
      expect(r.address).not.toBe(r.title.slice(0, 20));
      // The estate or street of the address is the one the citizen speaks of.
      const place = /^(.+?(?:园|小区|新村|家园|花园|佳苑|大街|路|街))/.exec(r.address!)![1]!;
      expect(`${r.title}${r.content}`, r.address!).toContain(place);
    }
    // A question that names no place (养老保险转移咨询) has no address.
    expect(rows.some((r) => r.address === null)).toBe(true);
  });

  it("puts an overdue order a unit is handling on the leader's 领导盯办 list", async () => {
    const rows = await database.db
      .selectFrom('leader_followups as f')
      .innerJoin('orders as o', 'o.id', 'f.order_id')
      .select(['o.state', 'o.deadline_due_at', 'o.lead_unit_id', 'o.address', 'f.closed_at', 'f.origin'])
      .where('f.reason', '=', DEMO_LEADER_FOLLOWUP_REASON)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.address).not.toBeNull();
    expect(rows[0]).toMatchObject({ origin: 'manual', closed_at: null });
    expect(rows[0]!.lead_unit_id).not.toBeNull();
    expect(rows[0]!.deadline_due_at!.getTime()).toBeLessThan(new Date('2025-06-30T10:00:00Z').getTime());
    expect(lines.join('\n')).toContain('领导盯办');
  });

  it('gives the leader own cases (包案), a 批示 awaiting the handler, and a 会商 with an opinion', async () => {
    const cases = await database.db
      .selectFrom('leader_cases')
      .innerJoin('users', 'users.id', 'leader_cases.leader_id')
      .select(['users.username'])
      .where('ended_at', 'is', null)
      .execute();
    expect(cases.length).toBe(3);
    expect(new Set(cases.map((c) => c.username))).toEqual(new Set(['leader']));
    const instructions = await database.db.selectFrom('leader_instructions').select(['status']).execute();
    expect(instructions).toHaveLength(2);
    expect(instructions.every((i) => i.status !== 'answered')).toBe(true);
    const opinions = await database.db.selectFrom('consultation_units').select(['opinion']).execute();
    expect(opinions.filter((o) => o.opinion !== null)).toHaveLength(1);
    expect(opinions.length).toBe(2);
    expect(lines.some((l) => l.includes('包案'))).toBe(true);
  });

  it("prints the caller phone for the portal's 我的诉求, and that phone has appeals", async () => {
    const line = lines.find((l) => l.includes('我的诉求'));
    expect(line).toContain('server log');
    const phone = /caller phone (\d{11})/.exec(line!)![1]!;
    const appeals = await database.db.selectFrom('orders').select('id').where('caller_phone', '=', phone).execute();
    expect(appeals.length).toBeGreaterThanOrEqual(3);
  });

  it('has the heating company assisting on heating appeals: an open task, opinions, one late, and a 阶段性答复', async () => {
    const tasks = await database.db
      .selectFrom('assist_tasks as t')
      .innerJoin('units as u', 'u.id', 't.unit_id')
      .select(['u.name', 't.state', 't.submitted_at', 't.due_at'])
      .execute();
    const heating = tasks.filter((t) => t.name === '锡林浩特市热力公司');
    expect(heating.map((t) => t.state).sort()).toEqual(['pending', 'submitted', 'submitted']);
    expect(heating.some((t) => t.submitted_at !== null && t.submitted_at > t.due_at)).toBe(true);
    expect(tasks.some((t) => t.name === '锡林浩特市供水公司' && t.state === 'pending')).toBe(true);
    const user = await database.db
      .selectFrom('users')
      .innerJoin('units', 'units.id', 'users.unit_id')
      .select('units.name')
      .where('username', '=', 'assisthandler')
      .executeTakeFirstOrThrow();
    expect(user.name).toBe('锡林浩特市热力公司');
    expect(lines.some((l) => l.includes('assisthandler'))).toBe(true);
    const reports = await database.db
      .selectFrom('order_events')
      .innerJoin('orders', 'orders.id', 'order_events.order_id')
      .select(['orders.state'])
      .where('order_events.action', '=', 'progress_report')
      .execute();
    expect(reports).toEqual([{ state: 'handling' }]);
  });
});

describe('the demo sub-centres (issue 14, ADR 0110)', () => {
  it('gives the 13 sub-centres their regions, routes county orders to them, and shows a hand-up and a route', async () => {
    const desks = await database.db
      .selectFrom('units')
      .select(['id', 'name', 'region_id'])
      .where('kind', '=', 'sub_centre')
      .execute();
    expect(desks).toHaveLength(13);
    expect(desks.every((d) => d.region_id !== null)).toBe(true);
    const xilinhot = desks.find((d) => d.name === '锡林浩特市12345分中心')!;
    const held = await database.db.selectFrom('orders').select('id').where('desk_unit_id', '=', xilinhot.id).execute();
    expect(held.length).toBeGreaterThan(0);
    const moves = await database.db
      .selectFrom('order_events')
      .select('action')
      .where('action', 'in', ['hand_up', 'route_to_desk'])
      .execute();
    expect(moves.map((m) => m.action).sort()).toEqual(['hand_up', 'route_to_desk']);
    const sub = await database.db
      .selectFrom('users')
      .select('unit_id')
      .where('username', '=', 'subdispatcher')
      .executeTakeFirstOrThrow();
    expect(sub.unit_id).toBe(xilinhot.id);
    expect(lines.join('\n')).toContain('subdispatcher');
  });
});

describe('the demo citizen desks (issue 14)', () => {
  it('has enterprise appeals (one protected), ratings waiting in 待核查, one decided each way', async () => {
    const db = database.db;
    const companies = await db.selectFrom('order_enterprises').selectAll().execute();
    expect(companies.length).toBeGreaterThanOrEqual(4);
    expect(companies.filter((c) => c.protect_name)).toHaveLength(1);
    const checking = await db.selectFrom('orders').select('id').where('state', '=', 'checking').execute();
    expect(checking.length).toBeGreaterThanOrEqual(2);
    const decided = await db
      .selectFrom('order_events')
      .select(['action', 'payload'])
      .where('action', 'in', ['check_close', 'visit_rehandle'])
      .execute();
    expect(decided.some((e) => e.action === 'check_close')).toBe(true);
    expect(decided.some((e) => e.action === 'visit_rehandle' && (e.payload as { afterCheck?: boolean } | null)?.afterCheck)).toBe(
      true,
    );
    expect(lines.some((l) => l.includes('entdesk'))).toBe(true);
  });
});

describe('the demo history while the console is live (first start)', () => {
  it('skips a generated step the console refused and finishes the rest', async () => {
    const live = await createTestDatabase();
    try {
      const deps = composeDeps({
        db: live.db,
        clock: new ManualClock('2025-06-30T10:00:00Z'),
        dataDir: '/tmp',
        settings: defaultDomainSettings(),
      });
      const log: string[] = [];
      const history = await prepareDemo(deps, (l) => log.push(l), { days: 4, perDay: 10 });
      expect(history).not.toBeNull();
      // An admin disables half of the top-level categories before the history reaches them.
      const tops = await live.db.selectFrom('categories').select('path').where('parent_id', 'is', null).execute();
      for (const top of tops.slice(0, Math.ceil(tops.length / 2))) {
        await live.db.updateTable('categories').set({ active: false }).where('path', 'like', `${top.path}%`).execute();
      }
      await history!();
      expect(log.join('\n')).toMatch(/\d+ generated orders stopped early/);
      const orders = await live.db.selectFrom('orders').select('id').execute();
      expect(orders.length).toBeGreaterThan(0);
    } finally {
      await live.close();
    }
  }, 180_000);
});

describe('the demo network: forwarding down the tree (issue 14)', () => {
  it('has orders of 锡林浩特市人民政府 at every point of the chain, and the accounts that work them', async () => {
    const hops = await database.db.selectFrom('order_hops').select(['state', 'depth', 'order_id']).execute();
    expect(new Set(hops.map((h) => h.state))).toEqual(new Set(['pending', 'handling', 'replied', 'accepted']));
    expect(Math.max(...hops.map((h) => h.depth))).toBe(2);
    const users = await database.db
      .selectFrom('users')
      .innerJoin('units', 'units.id', 'users.unit_id')
      .select(['users.username', 'units.name'])
      .where('users.username', 'in', ['countyadmin', 'townhandler'])
      .orderBy('users.username')
      .execute();
    expect(users.map((u) => [u.username, u.name])).toEqual([
      ['countyadmin', '锡林浩特市人民政府'],
      ['townhandler', '锡林浩特市希日塔拉街道'],
    ]);
    expect(lines.join('\n')).toMatch(/\d+ orders of 锡林浩特市人民政府 forwarded down the tree/);
  });
});

describe('the demo dispatch catalogue (issue 14)', () => {
  it('covers every leaf category in every banner/county, with sub-centre desks and some assisting units', async () => {
    const [rules, leaves, regions] = await Promise.all([
      database.db.selectFrom('catalogue_rules').select(['category_id', 'region_id', 'desk_unit_id', 'assist_unit_ids']).execute(),
      database.db
        .selectFrom('categories as c')
        .select('c.id')
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('categories as k').select('k.id').whereRef('k.parent_id', '=', 'c.id'))),
        )
        .execute(),
      database.db.selectFrom('regions').select('id').where('parent_id', 'is', null).execute(),
    ]);
    expect(rules).toHaveLength(leaves.length * regions.length);
    expect(new Set(rules.map((r) => `${r.category_id}|${r.region_id}`)).size).toBe(rules.length);
    expect(rules.every((r) => r.desk_unit_id !== null)).toBe(true);
    expect(rules.some((r) => r.assist_unit_ids.length > 0)).toBe(true);
    expect(lines.join('\n')).toMatch(/\d+ dispatch catalogue rules/);
  });

  it('has dispatches that followed it, some that overrode it, and returns per rule', async () => {
    const rows = await database.db.selectFrom('catalogue_dispatches').select(['outcome', 'returned_at']).execute();
    const count = (o: string) => rows.filter((r) => r.outcome === o).length;
    expect(count('followed')).toBeGreaterThan(count('overridden'));
    expect(count('overridden')).toBeGreaterThan(0);
    expect(rows.some((r) => r.returned_at !== null)).toBe(true);
  });
});
