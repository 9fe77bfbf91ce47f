import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../helpers/test-db.js';
import { buildWorld, type World } from '../helpers/fixtures.js';
import { act, newOrder } from '../helpers/orders.js';
import type { Database } from '../../src/db/database.js';
import { DomainError } from '../../src/shared/errors.js';
import {
  createArticle,
  getArticle,
  knowledgeUpkeep,
  listArticlesFor,
  updateArticle,
} from '../../src/knowledge/knowledge.service.js';
import { searchArticlesFor, suggestArticlesFor } from '../../src/knowledge/knowledge-search.service.js';
import { runKnowledgeExpirySweep } from '../../src/knowledge/knowledge-expiry.job.js';
import type { NewArticleInput } from '../../src/knowledge/knowledge.schemas.js';

let database: Database;
let w: World;

beforeAll(async () => {
  database = await createTestDatabase();
  w = await buildWorld(database, '2025-03-03T02:00:00Z');
});
afterAll(async () => database?.close());

const errorCode = (p: Promise<unknown>) =>
  p.then(
    () => 'no error',
    (e: unknown) => (e instanceof DomainError ? e.code : String(e)),
  );

const article = (over: Partial<NewArticleInput> = {}): NewArticleInput => ({
  title: '供暖期时间及室温标准',
  body: '本市供暖期为每年10月15日至次年4月15日，居室温度不低于18度。暖气不热可拨打热力公司服务电话报修。',
  ownerUnitId: w.units.company.id,
  status: 'published',
  ...over,
});

describe('knowledge articles: versions, status, permissions', () => {
  it('keeps every edit as a new version and refuses a stale one', async () => {
    const a = await createArticle(w.deps, w.actors.supervisor, article({ status: 'draft' }));
    expect(a.version).toBe(1);
    expect(a.answerable).toBe(false);
    w.clock.advance(60_000);
    const b = await updateArticle(w.deps, w.actors.admin, a.id, {
      ...article({ body: '供暖期为每年10月15日至次年4月15日，室温不低于18℃。' }),
      version: 1,
      note: '改写标准',
    });
    expect(b.version).toBe(2);
    expect(b.status).toBe('published');
    expect(await errorCode(updateArticle(w.deps, w.actors.admin, a.id, { ...article(), version: 1 }))).toBe('CONFLICT');
    const detail = await getArticle(w.deps, w.actors.operator, a.id);
    expect(detail.versions.map((v) => [v.version, v.status])).toEqual([
      [2, 'published'],
      [1, 'draft'],
    ]);
    expect(detail.versions[0]!.note).toBe('改写标准');
    expect(detail.versions[1]!.body).toContain('居室温度不低于18度');
  });

  it('lets admin, supervisor and a unit admin of the owner edit; operators and other units only read', async () => {
    expect(await errorCode(createArticle(w.deps, w.actors.operator, article()))).toBe('FORBIDDEN');
    expect(await errorCode(createArticle(w.deps, w.actors.unit_handler, article()))).toBe('FORBIDDEN');
    // unit_admin of county A: own subtree yes, the utility company no
    expect(await errorCode(createArticle(w.deps, w.actors.unit_admin, article()))).toBe('FORBIDDEN');
    const own = await createArticle(
      w.deps,
      w.actors.unit_admin,
      article({ ownerUnitId: w.units.deptA1.id, title: 'A旗物业备案' }),
    );
    expect(own.ownerUnitId).toBe(w.units.deptA1.id);
    expect(
      (await listArticlesFor(w.deps, w.actors.operator, { ownerUnitId: w.units.countyA.id })).items.map((i) => i.id),
    ).toEqual([own.id]);
  });

  it('rejects bad input naming the field', async () => {
    const bad = (p: Promise<unknown>) => p.catch((e: DomainError) => e.details.field);
    expect(await bad(createArticle(w.deps, w.actors.admin, article({ validFrom: '2025-05-01', validTo: '2025-04-01' })))).toBe(
      'validTo',
    );
    expect(
      await bad(createArticle(w.deps, w.actors.admin, article({ ownerUnitId: '00000000-0000-4000-8000-000000000000' }))),
    ).toBe('ownerUnitId');
  });
});

describe('knowledge search and intake suggestions', () => {
  it('ranks the article sharing the rare words first and highlights them', async () => {
    await createArticle(w.deps, w.actors.admin, article({ title: '燃气报修电话', body: '燃气泄漏请立即拨打燃气公司抢修电话。' }));
    await createArticle(w.deps, w.actors.admin, article({ title: '公交线路调整', body: '因道路施工，12路公交临时改道。' }));
    const r = await searchArticlesFor(w.deps, w.actors.operator, { q: '家里燃气泄漏怎么报修' });
    expect(r.items[0]!.title).toBe('燃气报修电话');
    expect(r.items[0]!.highlight.body.some((f) => f.hit && f.text === '燃气')).toBe(true);
    expect(r.items.map((i) => i.title)).not.toContain('公交线路调整');
  });

  it('suggests only published articles valid today', async () => {
    const future = await createArticle(
      w.deps,
      w.actors.admin,
      article({ title: '冬季燃气安全', body: '燃气安全提示', validFrom: '2025-12-01' }),
    );
    const draft = await createArticle(w.deps, w.actors.admin, article({ title: '燃气草稿', body: '燃气草稿', status: 'draft' }));
    const r = await suggestArticlesFor(w.deps, w.actors.operator, { text: '燃气' });
    const ids = r.items.map((i) => i.id);
    expect(ids).not.toContain(future.id);
    expect(ids).not.toContain(draft.id);
    expect(r.items.length).toBeGreaterThan(0);
    expect(r.items.every((i) => i.answerable)).toBe(true);
  });
});

describe('direct answers from the knowledge base', () => {
  it('records which article answered and counts usage per article and owning unit', async () => {
    const a = await createArticle(
      w.deps,
      w.actors.admin,
      article({ title: '停水通知查询', body: '停水信息请关注自来水公司公告。' }),
    );
    const order = await newOrder(w, { appealType: 'consult' });
    await act(w, w.actors.operator, order, 'answer_directly', { answer: '已告知停水安排', knowledgeArticleId: a.id });
    const detail = await getArticle(w.deps, w.actors.operator, a.id);
    expect(detail.article.usageCount).toBe(1);
    expect(detail.recentUsages.map((u) => u.orderId)).toEqual([order.id]);
    const upkeep = await knowledgeUpkeep(w.deps, w.actors.supervisor);
    const company = upkeep.units.find((u) => u.unitId === w.units.company.id)!;
    expect(company.usages).toBeGreaterThanOrEqual(1);
    expect(company.owned).toBeGreaterThanOrEqual(4);
  });

  it('rejects an unknown article and leaves the order open', async () => {
    const order = await newOrder(w, { appealType: 'consult' });
    const code = await errorCode(
      act(w, w.actors.operator, order, 'answer_directly', {
        answer: '答复',
        knowledgeArticleId: '00000000-0000-4000-8000-000000000000',
      }),
    );
    expect(code).toBe('VALIDATION');
    const again = await act(w, w.actors.operator, order, 'answer_directly', { answer: '答复' });
    expect(again.state).toBe('closed');
  });
});

describe('expiry sweep', () => {
  it('reminds owners once before validity ends and marks lapsed articles expired with a new version', async () => {
    w.clock.set('2025-06-01T02:00:00Z');
    const soon = await createArticle(
      w.deps,
      w.actors.admin,
      article({ title: '即将到期', body: '到期测试', validTo: '2025-06-10' }),
    );
    const lapsing = await createArticle(
      w.deps,
      w.actors.admin,
      article({ title: '明日过期', body: '过期测试', validTo: '2025-06-02' }),
    );
    const first = await runKnowledgeExpirySweep(w.deps);
    expect(first.expired).toBe(0);
    await runKnowledgeExpirySweep(w.deps);
    const reminders = await database.db.selectFrom('outbox').select(['dedupe_key']).where('topic', '=', 'notify').execute();
    const keys = reminders.map((r) => r.dedupe_key);
    expect(keys).toContain(`notify:knowledge.expiry:${soon.id}:2025-06-10`);
    expect(keys.filter((k) => k === `notify:knowledge.expiry:${soon.id}:2025-06-10`)).toHaveLength(1);
    w.clock.set('2025-06-03T02:00:00Z');
    const later = await runKnowledgeExpirySweep(w.deps);
    expect(later.expired).toBeGreaterThanOrEqual(1);
    const detail = await getArticle(w.deps, w.actors.operator, lapsing.id);
    expect(detail.article.status).toBe('expired');
    expect(detail.versions[0]!.note).toContain('expired');
    expect((await runKnowledgeExpirySweep(w.deps)).expired).toBe(0);
    const upkeep = await knowledgeUpkeep(w.deps, w.actors.supervisor);
    expect(upkeep.units.find((u) => u.unitId === w.units.company.id)!.expired).toBeGreaterThanOrEqual(1);
  });
});
