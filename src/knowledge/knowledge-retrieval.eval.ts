import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Database } from '../db/database.js';
import { readCsvRecords } from '../text/csv.js';
import { buildEvalWorld, percentile } from '../text/eval-world.js';
import { retrieveAnswerable } from './knowledge-search.service.js';
import { analyzeKnowledge } from './knowledge-search.repository.js';
import { createArticle } from './knowledge.service.js';

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

/** An article title made from the reply alone: its first sentence, at most 60 characters. */
const titleOf = (reply: string) => (clean(reply).split(/[。！？\n]/)[0] ?? '').slice(0, 60) || '答复';

export interface RetrievalReport {
  task: 'knowledge-retrieval';
  file: string;
  articles: number;
  queries: number;
  k: number;
  recall_at_1: number;
  recall_at_5: number;
  mrr_at_5: number;
  query_ms_p50: number;
  query_ms_p95: number;
  index_seconds: number;
  database: string;
  /** 1-minute load average at the start and at the end of the queries (the machine is shared). */
  load_average: [number, number];
}

/**
 * Real appeal → official reply pairs (replies.csv): every reply becomes a published article (title =
 * its first sentence, body = the reply); every appeal (title + detail) is a query through the same
 * ranking as the intake screen. A hit is its own reply — or a reply with the identical text — in the
 * top k. Read at run time only; nothing of the data is kept.
 */
export async function evaluateKnowledgeRetrieval(
  database: Database & { label?: string },
  file: string,
  options: { limit?: number; k?: number } = {},
): Promise<RetrievalReport> {
  const k = options.k ?? 5;
  const records = readCsvRecords(file, ['留言主题', '留言详情', '答复意见'])
    .filter((r) => clean(r['答复意见'] ?? '') !== '' && clean(`${r['留言主题']}${r['留言详情']}`) !== '')
    .slice(0, options.limit ?? Number.MAX_SAFE_INTEGER);
  const world = await buildEvalWorld(database, new Date('2024-01-01T00:00:00Z'));
  const started = performance.now();
  const articleOf: string[] = [];
  const bodyOf = new Map<string, string>();
  for (const r of records) {
    const body = clean(r['答复意见']!);
    const a = await createArticle(world.deps, world.admin, {
      title: titleOf(body),
      body: body.slice(0, 20000),
      ownerUnitId: world.unitId,
      status: 'published',
    });
    articleOf.push(a.id);
    bodyOf.set(a.id, body);
  }
  await analyzeKnowledge(database.db);
  const indexSeconds = (performance.now() - started) / 1000;
  let hits1 = 0;
  let hits = 0;
  let reciprocal = 0;
  const times: number[] = [];
  const loadBefore = os.loadavg()[0]!;
  for (const [i, r] of records.entries()) {
    const own = articleOf[i]!;
    const query = `${clean(r['留言主题'] ?? '')} ${clean(r['留言详情'] ?? '')}`;
    const t0 = performance.now();
    const ranked = await retrieveAnswerable(world.deps, world.centreId, query, k);
    times.push(performance.now() - t0);
    const rank = ranked.findIndex((x) => x.id === own || bodyOf.get(x.id) === bodyOf.get(own));
    if (rank === 0) hits1 += 1;
    if (rank >= 0) {
      hits += 1;
      reciprocal += 1 / (rank + 1);
    }
  }
  const n = records.length;
  const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;
  return {
    task: 'knowledge-retrieval',
    file,
    articles: n,
    queries: n,
    k,
    recall_at_1: round(hits1 / n),
    recall_at_5: round(hits / n),
    mrr_at_5: round(reciprocal / n),
    query_ms_p50: round(percentile(times, 50), 1),
    query_ms_p95: round(percentile(times, 95), 1),
    index_seconds: round(indexSeconds, 1),
    database: database.label ?? database.kind,
    load_average: [round(loadBefore, 1), round(os.loadavg()[0]!, 1)],
  };
}
