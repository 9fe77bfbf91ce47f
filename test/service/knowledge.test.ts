import { describe, expect, it } from 'vitest';
import { buildWorld } from '../helpers/fixtures.js';
import { act, newOrder } from '../helpers/orders.js';
import { DomainError } from '../../src/shared/errors.js';
import {
  createArticle,
  getArticle,
  knowledgeUpkeep,
  listArticlesFor,
  updateArticle,
} from '../../src/knowledge/knowledge.service.js';
import { refreshKnowledgeIndex, searchArticlesFor, suggestArticlesFor } from '../../src/knowledge/knowledge-search.service.js';
import { writeArticleTerms } from '../../src/knowledge/knowledge-search.repository.js';
import { insertUnit, updateUnitRow } from '../../src/org/unit.repository.js';
import { sql } from 'kysely';
import { runKnowledgeExpirySweep } from '../../src/knowledge/knowledge-expiry.job.js';
import type { NewArticleInput } from '../../src/knowledge/knowledge.schemas.js';
import { useWorld } from '../helpers/use-world.js';

const { database, w } = useWorld('2025-03-03T02:00:00Z');

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
    const said = await createArticle(w.deps, w.actors.admin, article({ validFrom: '2025-05-01', validTo: '2025-04-01' })).catch(
      (e: DomainError) => e.text.zh,
    );
    expect(said).toBe('失效日期不能早于生效日期');
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

describe('knowledge ranking: TF-IDF cosine over the term index (ADR 0043)', () => {
  /** Every statistics row equals the number of articles that really hold the term. */
  async function statsMismatches(centreId: string) {
    const r = await sql<{ term: string }>`
      select coalesce(s.term, p.term) as term
      from (select term, df from knowledge_term_stats where centre_id = ${centreId} and df > 0) s
      full join (select term, count(*)::int as n from knowledge_article_terms where centre_id = ${centreId} group by term) p
        on p.term = s.term
      where s.df is distinct from p.n
    `.execute(database.db);
    return r.rows.map((x) => x.term);
  }

  it('ranks the reply naming the appeal’s rare place first, above one sharing only common words', async () => {
    // words every reply about estates uses: common in the collection, so they weigh little
    for (const topic of ['电梯维修', '绿化养护', '垃圾清运', '门禁故障', '楼道照明', '外墙脱落']) {
      await createArticle(
        w.deps,
        w.actors.admin,
        article({ title: `小区${topic}`, body: `小区物业管理中的${topic}问题，由物业公司负责处理，业主可向物业投诉。` }),
      );
    }
    const common = await createArticle(
      w.deps,
      w.actors.admin,
      article({
        title: '小区物业服务投诉处理',
        body: '您反映的小区物业管理问题已收悉。物业公司应当按照合同提供服务，小区业主可向街道物业办投诉，物业管理问题将依法处理。',
      }),
    );
    const specific = await createArticle(
      w.deps,
      w.actors.admin,
      article({
        title: '网友您好',
        body: '关于景蓉花苑停车收费的问题，经街道核实，该收费方案尚未经业主大会表决，已责令暂停执行。',
      }),
    );
    // The appeal writes 景蓉华苑 (jieba cuts it differently from 景蓉花苑): the bigram 景蓉 still matches.
    const appeal =
      '景蓉华苑物业管理有问题 我们小区的物业公司要征收停车费，业委会没有召开业主大会就制定了收费方案，小区物业管理混乱，请相关部门处理小区物业问题。';
    const r = await suggestArticlesFor(w.deps, w.actors.operator, { text: appeal, limit: 10 });
    const ids = r.items.map((i) => i.id);
    expect(ids.indexOf(specific.id)).toBe(0);
    expect(ids.indexOf(common.id)).toBeGreaterThan(0);
    expect(r.items[0]!.score).toBeGreaterThan(r.items[1]!.score);
  });

  it('re-indexes an edited text and keeps the document frequencies exact', async () => {
    const a = await createArticle(
      w.deps,
      w.actors.admin,
      article({ title: '犬只登记办法', body: '饲养犬只应当到派出所办理犬只登记，并每年进行狂犬疫苗接种。' }),
    );
    expect((await searchArticlesFor(w.deps, w.actors.operator, { q: '狂犬疫苗' })).items[0]!.id).toBe(a.id);
    await updateArticle(w.deps, w.actors.admin, a.id, {
      ...article({ title: '犬只登记办法', body: '养犬人应当为犬只办理电子芯片植入，登记后领取犬牌。' }),
      version: 1,
    });
    expect((await searchArticlesFor(w.deps, w.actors.operator, { q: '狂犬疫苗' })).items.map((i) => i.id)).not.toContain(a.id);
    expect((await searchArticlesFor(w.deps, w.actors.operator, { q: '电子芯片' })).items[0]!.id).toBe(a.id);
    expect(await statsMismatches(w.centreId)).toEqual([]);
  });

  it('saves articles sharing most terms concurrently without a deadlock, statistics exact', async () => {
    // On PostgreSQL the saves run on separate connections at once; on PGlite they take turns.
    const vocabulary = (
      '供暖 物业 收费 标准 小区 维修 基金 业主 委员会 停车 噪音 垃圾 绿化 电梯 安全 ' +
      '检查 投诉 办理 流程 时限 材料 身份证 社区 街道 居委会 申请 审批 公示 退费 补贴'
    ).split(' ');
    // Every version the same words in another order: other bigrams, mostly the same statistics rows.
    const text = (seed: number) => {
      let s = seed;
      return [...vocabulary].sort(() => Math.sin(s++)).join('，') + `。第${s}版`;
    };
    const articles = await Promise.all(
      ['甲', '乙', '丙', '丁'].map((t) => createArticle(w.deps, w.actors.admin, article({ title: t, body: text(1) }))),
    );
    const versions = articles.map((a) => a.version);
    for (let round = 1; round <= 12; round++) {
      const saved = await Promise.allSettled(
        articles.map((a, i) =>
          updateArticle(w.deps, w.actors.admin, a.id, {
            ...article({ title: a.title, body: text(round * 4 + i) }),
            version: versions[i]!,
          }),
        ),
      );
      expect(saved.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
      saved.forEach((r, i) => (versions[i] = (r as PromiseFulfilledResult<{ version: number }>).value.version));
    }
    expect(versions).toEqual([13, 13, 13, 13]);
    expect(await statsMismatches(w.centreId)).toEqual([]);
  });

  it('never suggests an expired article or one not valid today, and keeps centres apart', async () => {
    const text = '沙湖公园游船码头开放时间';
    const valid = await createArticle(w.deps, w.actors.admin, article({ title: text, body: '沙湖公园游船码头每日开放。' }));
    const ended = await createArticle(
      w.deps,
      w.actors.admin,
      article({ title: text, body: '沙湖公园游船码头冬季开放。', validFrom: '2025-11-01', validTo: '2026-03-31' }),
    );
    const expired = await createArticle(
      w.deps,
      w.actors.admin,
      article({ title: text, body: '沙湖公园游船码头已停止开放。', status: 'expired' }),
    );
    const other = await buildWorld(database, '2025-03-03T02:00:00Z');
    const foreign = await createArticle(other.deps, other.actors.admin, {
      title: text,
      body: '沙湖公园游船码头开放时间。',
      ownerUnitId: other.units.company.id,
      status: 'published',
    });
    const suggested = (await suggestArticlesFor(w.deps, w.actors.operator, { text })).items.map((i) => i.id);
    expect(suggested[0]).toBe(valid.id);
    expect(suggested).not.toContain(ended.id);
    expect(suggested).not.toContain(expired.id);
    expect(suggested).not.toContain(foreign.id);
    // the knowledge page searches every status of its own centre only
    const all = (await searchArticlesFor(w.deps, w.actors.operator, { q: text })).items.map((i) => i.id);
    expect(all).toEqual(expect.arrayContaining([valid.id, ended.id, expired.id]));
    expect(all).not.toContain(foreign.id);
    expect((await suggestArticlesFor(other.deps, other.actors.operator, { text })).items.map((i) => i.id)).toEqual([foreign.id]);
  });

  it('indexes articles written before the term index (upkeep job) and refreshes vector lengths', async () => {
    const a = await createArticle(
      w.deps,
      w.actors.admin,
      article({ title: '古树名木保护', body: '古树名木的养护由园林部门负责，砍伐须经批准。' }),
    );
    // as an article from before migration 0302: no terms, no vector length
    await database.db.transaction().execute(async (tx) => {
      await writeArticleTerms(tx, { centreId: w.centreId, articleId: a.id, terms: [], tf: [] });
      await sql`update knowledge_articles set term_norm = 0 where id = ${a.id}`.execute(tx);
    });
    expect((await searchArticlesFor(w.deps, w.actors.operator, { q: '古树名木' })).items.map((i) => i.id)).not.toContain(a.id);
    expect((await refreshKnowledgeIndex(w.deps)).indexed).toBeGreaterThanOrEqual(1);
    expect((await searchArticlesFor(w.deps, w.actors.operator, { q: '古树名木' })).items[0]!.id).toBe(a.id);
    expect((await refreshKnowledgeIndex(w.deps)).indexed).toBe(0);
    expect(await statsMismatches(w.centreId)).toEqual([]);
    // `text reindex` cuts every article again (after the dictionary changed), keeping the statistics exact.
    const total = Number(
      (await sql<{ n: number }>`select count(*) as n from knowledge_articles`.execute(database.db)).rows[0]!.n,
    );
    expect((await refreshKnowledgeIndex(w.deps, { all: true })).indexed).toBe(total);
    expect(await statsMismatches(w.centreId)).toEqual([]);
    expect((await searchArticlesFor(w.deps, w.actors.operator, { q: '古树名木' })).items[0]!.id).toBe(a.id);
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
    const asUnit = await getArticle(w.deps, w.actors.unit_handler, a.id);
    expect(asUnit.article.usageCount).toBe(1);
    expect(asUnit.recentUsages).toEqual([]); // the order is the centre's: its number is not shown to a unit
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

  it('reminds the owners of every due article and expires every lapsed one, however many pages they fill', async () => {
    const due = await Promise.all(
      [1, 2, 3, 4, 5].map((i) =>
        createArticle(w.deps, w.actors.admin, article({ title: `分页提醒${i}`, body: '分页测试', reviewAt: '2025-06-12' })),
      ),
    );
    const lapsed = await Promise.all(
      [1, 2, 3].map((i) =>
        createArticle(w.deps, w.actors.admin, article({ title: `分页过期${i}`, body: '分页测试', validTo: '2025-06-02' })),
      ),
    );
    await runKnowledgeExpirySweep(w.deps, 2); // pages of two
    const keys = (await database.db.selectFrom('outbox').select(['dedupe_key']).where('topic', '=', 'notify').execute()).map(
      (r) => r.dedupe_key,
    );
    for (const a of due) expect(keys).toContain(`notify:knowledge.review:${a.id}:2025-06-12`);
    for (const a of lapsed) expect((await getArticle(w.deps, w.actors.operator, a.id)).article.status).toBe('expired');
  });
});

describe('direct answers only from articles valid today', () => {
  it('refuses an article that is published but not valid today (not yet, or lapsed before the expiry job ran)', async () => {
    const day = (offset: number) => new Date(w.clock.now().getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    const future = await createArticle(
      w.deps,
      w.actors.admin,
      article({ title: '新政预告', body: '下月起施行', validFrom: day(30) }),
    );
    const lapsed = await createArticle(
      w.deps,
      w.actors.admin,
      article({ title: '旧政策', body: '上月已废止', validTo: day(-2) }),
    );
    for (const a of [future, lapsed]) {
      const order = await newOrder(w, { appealType: 'consult' });
      const refused = act(w, w.actors.operator, order, 'answer_directly', { answer: '答复', knowledgeArticleId: a.id });
      expect(await errorCode(refused)).toBe('VALIDATION');
      expect((await getArticle(w.deps, w.actors.operator, a.id)).article.usageCount).toBe(0);
    }
  });
});

describe('articles of a deactivated unit', () => {
  it('stay editable, can be handed to an active unit, and cannot be given to an inactive one', async () => {
    const parent = w.units.countyA;
    const gone = await insertUnit(w.deps.db, {
      centreId: w.centreId,
      parentId: parent.id,
      parentPath: parent.path,
      code: 'KGONE',
      name: '已撤并的科室',
      kind: 'county_dept',
    });
    const a = await createArticle(
      w.deps,
      w.actors.admin,
      article({ title: '撤并前的指南', body: '办理流程见附件', ownerUnitId: gone.id }),
    );
    await updateUnitRow(w.deps.db, w.centreId, gone.id, { active: false });
    const edited = await updateArticle(w.deps, w.actors.admin, a.id, {
      ...article({ title: '撤并前的指南', body: '办理流程已更新', ownerUnitId: gone.id }),
      version: a.version,
    });
    expect(edited.version).toBe(a.version + 1);
    const other = await createArticle(w.deps, w.actors.admin, article({ title: '另一篇', body: '内容' }));
    const toInactive = updateArticle(w.deps, w.actors.admin, other.id, {
      ...article({ title: '另一篇', body: '内容', ownerUnitId: gone.id }),
      version: other.version,
    });
    expect(await errorCode(toInactive)).toBe('VALIDATION');
    const handedOver = await updateArticle(w.deps, w.actors.admin, a.id, {
      ...article({ title: '撤并前的指南', body: '办理流程已更新', ownerUnitId: w.units.company.id }),
      version: edited.version,
    });
    expect(handedOver.ownerUnitId).toBe(w.units.company.id);
  });
});
