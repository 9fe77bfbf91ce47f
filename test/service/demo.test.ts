import { composeDeps } from '../../src/composition.js';
import { defaultDomainSettings } from '../../src/config/domain-settings.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureDemo, prepareDemo } from '../../src/demo/demo.service.js';
import { DEMO_CHECKS, DEMO_ENTERPRISE_APPEALS } from '../../src/demo/demo-citizen.data.js';
import { DEMO_LEADER_FOLLOWUP_REASON } from '../../src/demo/demo-desk.data.js';
import { DEMO_OPTED_OUT_PHONE } from '../../src/demo/demo-citizen-notices.service.js';
import { ORDER_STATES } from '../../src/orders/order.constants.js';
import { retrieveAnswerable } from '../../src/knowledge/knowledge-search.service.js';
import { ManualClock } from '../../src/shared/clock.js';
import { WEBHOOK_EVENTS } from '../../src/contract/client-webhooks.js';
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
  // Seeding the whole league twice took 190 s on PGlite at load 12 on 2 cores; generous, a hang still fails.
}, 600_000);

describe('the demo hotline', () => {
  it('models the Xilingol centre: 13 banners/counties, 38 league departments, utilities, ~300 units', async () => {
    const units = await database.db.selectFrom('units').select(['kind', 'name']).execute();
    const count = (kind: string) => units.filter((u) => u.kind === kind).length;
    // Each banner/county node and its government office (人民政府, which forwards down: issue 14).
    expect(count('county')).toBe(26);
    expect(units.filter((u) => u.kind === 'county' && u.name.endsWith('人民政府'))).toHaveLength(13);
    expect(count('league_dept')).toBe(38);
    expect(count('company')).toBeGreaterThanOrEqual(20);
    // village committees (社区/嘎查) under a few towns: forwarded their town's own work only (ADR 0116)
    expect(count('village')).toBeGreaterThanOrEqual(5);
    expect(units.filter((u) => u.kind === 'village').map((u) => u.name)).toContain('希日塔拉街道团结社区');
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

  it('files each of those appeals under the category it is about (门禁 → 物业管理, 用电报装 → 供电)', async () => {
    const titles = [...DEMO_ENTERPRISE_APPEALS, ...DEMO_CHECKS].map((a) => a.title);
    const rows = await database.db
      .selectFrom('orders')
      .leftJoin('categories', 'categories.id', 'orders.category_id')
      .select(['orders.title', 'categories.name as category'])
      .where('orders.title', 'in', titles)
      .execute();
    expect(rows).toHaveLength(titles.length);
    const filed = Object.fromEntries(rows.map((r) => [r.title, r.category]));
    expect(filed).toMatchObject({
      单元门禁损坏无人维修: '物业管理',
      新建奶站用电报装迟迟未办理: '供电',
      小区二次供水水压不足: '供水',
      楼下烧烤店油烟扰民: '大气污染',
    });
    for (const a of [...DEMO_ENTERPRISE_APPEALS, ...DEMO_CHECKS]) expect(filed[a.title], a.title).toBe(a.category);
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
      .where('users.username', 'in', ['countyadmin', 'townhandler', 'villagehandler'])
      .orderBy('users.username')
      .execute();
    expect(users.map((u) => [u.username, u.name])).toEqual([
      ['countyadmin', '锡林浩特市人民政府'],
      ['townhandler', '锡林浩特市希日塔拉街道'],
      ['villagehandler', '希日塔拉街道团结社区'],
    ]);
    // One order stops at the village hop: the street office passed its own work on to its 社区 (ADR 0116).
    const atVillage = await database.db
      .selectFrom('order_hops')
      .innerJoin('units as to', 'to.id', 'order_hops.to_unit_id')
      .innerJoin('units as from', 'from.id', 'order_hops.from_unit_id')
      .select(['to.name as toName', 'from.kind as fromKind', 'order_hops.state'])
      .where('to.kind', '=', 'village')
      .execute();
    expect(atVillage).toEqual([{ toName: '希日塔拉街道团结社区', fromKind: 'town', state: 'pending' }]);
    expect(lines.join('\n')).toMatch(/villagehandler +unit_handler +社区承办人/);
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

describe('the demo grids (issue 18)', () => {
  it("has 现场核实 tasks in every state in 希日塔拉街道's grids, one with a photo, and the 联户长's reports", async () => {
    const tasks = await database.db
      .selectFrom('verification_tasks')
      .select(['state', 'far', 'photo_id', 'due_at', 'answered_at'])
      .execute();
    const pending = tasks.filter((t) => t.state === 'pending');
    expect(pending).toHaveLength(2);
    // One nearly due: within 15 minutes of the demo's start.
    const start = new Date('2025-06-30T10:00:00Z').getTime();
    expect(pending.some((t) => t.due_at.getTime() - start <= 15 * 60_000 && t.due_at.getTime() > start)).toBe(true);
    const answered = tasks.filter((t) => t.state === 'answered');
    expect(answered.filter((t) => t.photo_id !== null)).toHaveLength(1);
    expect(answered.filter((t) => t.far === true)).toHaveLength(1);
    expect(answered.some((t) => t.answered_at!.getTime() > t.due_at.getTime())).toBe(true);
    const reports = await database.db
      .selectFrom('grid_reports as r')
      .innerJoin('users as u', 'u.id', 'r.reporter_id')
      .innerJoin('orders as o', 'o.id', 'r.order_id')
      .select(['u.username', 'r.urgent', 'o.channel', 'o.priority'])
      .execute();
    expect(reports.map((r) => r.username)).toEqual(['gridreporter', 'gridreporter']);
    expect(reports.every((r) => r.channel === 'grid')).toBe(true);
    expect(reports.find((r) => r.urgent)?.priority).toBe(1);
    const head = await database.db
      .selectFrom('grid_people as p')
      .innerJoin('users as u', 'u.id', 'p.user_id')
      .select('p.role')
      .where('u.username', '=', 'gridreporter')
      .execute();
    expect(head.map((p) => p.role)).toEqual(['household_head']);
  });

  it('gives the demo API client the webhooks scope and one signed subscription to the server’s own receiver (ADR 0182)', async () => {
    const client = await database.db
      .selectFrom('api_clients')
      .select(['id', 'scopes'])
      .where('name', '=', '蒙速办（演示）')
      .executeTakeFirstOrThrow();
    expect(client.scopes).toContain('webhooks');
    const hooks = await database.db.selectFrom('client_webhooks').selectAll().where('client_id', '=', client.id).execute();
    expect(hooks.map((h) => h.url)).toEqual(['http://localhost:8080/api/webhooks/loopback']); // one, after two starts
    const queued = await database.db.selectFrom('outbox').select('payload').where('topic', '=', 'client.webhook').execute();
    // The first start's ping only, besides the progress of the demo client's own Open311 appeal.
    const events = queued.map((m) => (m.payload as { event: string }).event);
    expect(events.filter((e) => e === 'ping')).toHaveLength(1);
    expect(events.filter((e) => e !== 'ping').every((e) => WEBHOOK_EVENTS.includes(e as never))).toBe(true);
    expect(lines.filter((l) => l.includes('/api/webhooks/loopback'))).toHaveLength(2);
  });
});

describe('the demo callers’ notice choices (issue 16)', () => {
  it('has a caller who declined SMS at intake and left an e-mail, and a phone switched off on 我的诉求', async () => {
    const contact = await database.db
      .selectFrom('citizen_contacts as c')
      .innerJoin('orders as o', 'o.id', 'c.order_id')
      .select(['c.sms_consent', 'c.email'])
      .where('o.title', '=', '咨询居住证办理材料')
      .execute();
    expect(contact).toEqual([{ sms_consent: false, email: 'zhou.citizen@example.org' }]); // once, after two starts
    const optOuts = await database.db
      .selectFrom('citizen_opt_outs')
      .selectAll()
      .where('recipient', '=', DEMO_OPTED_OUT_PHONE)
      .execute();
    expect(optOuts).toMatchObject([{ source: 'portal' }]);
    expect(lines.filter((l) => l.includes('chose their notices'))).toHaveLength(1);
  });
});

describe('the demo’s return visits by SMS link (issue 16, ADR 0202)', () => {
  it('has links waiting, one rated through its link, one fallen back to the phone, and 直办 orders drawn', async () => {
    const links = await database.db
      .selectFrom('visit_links as l')
      .innerJoin('orders as o', 'o.id', 'l.order_id')
      .select(['o.title', 'o.state', 'l.used_at', 'l.fell_back_at'])
      .orderBy('l.created_at')
      .execute();
    const state = (title: string) => links.find((l) => l.title === title);
    expect(links).toHaveLength(4); // once, after two starts
    expect(state('楼道堆放杂物')).toMatchObject({ state: 'closed', fell_back_at: null });
    expect(state('楼道堆放杂物')?.used_at).not.toBeNull();
    expect(state('供水压力不足')).toMatchObject({ state: 'visiting', used_at: null });
    expect(state('供水压力不足')?.fell_back_at).not.toBeNull();
    expect(links.filter((l) => l.state === 'visiting' && !l.used_at && !l.fell_back_at)).toHaveLength(2);
    const visit = await database.db
      .selectFrom('return_visits as v')
      .innerJoin('orders as o', 'o.id', 'v.order_id')
      .select('v.method')
      .where('o.title', '=', '楼道堆放杂物')
      .execute();
    expect(visit).toEqual([{ method: 'sms_link' }]);
    const drawn = await database.db.selectFrom('direct_visit_samples').select('order_id').execute();
    expect(drawn.length).toBeGreaterThan(0);
  });
});

describe('the demo 民生实事 (issue 19, ADR 0206)', () => {
  it('has this year’s list with a matter in every status, progress, and one open 票决 round', async () => {
    const matters = await database.db.selectFrom('matters').select(['status', 'round_id']).where('year', '=', 2025).execute();
    expect(new Set(matters.map((m) => m.status))).toEqual(
      new Set(['candidate', 'voting', 'adopted', 'in_progress', 'done', 'rejected']),
    ); // and once, after two starts
    expect(matters).toHaveLength(8);
    const rounds = await database.db.selectFrom('matter_rounds').selectAll().where('state', '=', 'open').execute();
    expect(rounds).toHaveLength(1);
    expect(matters.filter((m) => m.round_id === rounds[0]!.id)).toHaveLength(3);
    expect((await database.db.selectFrom('matter_progress').select('id').execute()).length).toBeGreaterThan(3);
  });
});
