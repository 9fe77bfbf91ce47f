import path from 'node:path';
import { openScratchDatabase } from '../src/db/scratch-database.js';
import { evaluateKnowledgeRetrieval } from '../src/knowledge/knowledge-retrieval.eval.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { BENCH_SERVER_URL, serverAvailable } from './bench-db.js';
import type { BenchSection } from './run.js';

// Real appeal → official reply pairs, read at run time from the shared data folder, never copied.
const FILE = path.resolve(PROJECT_ROOT, '../shared/data/appeals/replies.csv');
/** BENCH_KNOWLEDGE_LIMIT=n evaluates the first n pairs only (the default is all 2,816). */
const LIMIT = process.env.BENCH_KNOWLEDGE_LIMIT ? Number(process.env.BENCH_KNOWLEDGE_LIMIT) : undefined;

async function evaluateOn(serverUrl: string | undefined) {
  const database = await openScratchDatabase(serverUrl, 'lianxin_bench_knowledge', 4);
  try {
    console.log(JSON.stringify(await evaluateKnowledgeRetrieval(database, FILE, { limit: LIMIT })));
  } finally {
    await database.close();
  }
}

/**
 * `lianxin text eval-knowledge` on PGlite and on PostgreSQL: every reply an article, every appeal a
 * query through the ranking of /api/knowledge/suggest; recall@1/@5, MRR@5, query p50/p95 (ADR 0043).
 */
export const knowledgeBench: BenchSection = {
  name: 'knowledge',
  description: 'knowledge retrieval on real appeal → reply pairs (recall@5, query p50/p95), PGlite and PostgreSQL',
  async run() {
    await evaluateOn(undefined);
    if (await serverAvailable()) await evaluateOn(BENCH_SERVER_URL);
    else console.log('skipped PostgreSQL: no server (BENCH_DATABASE_URL)');
  },
};
