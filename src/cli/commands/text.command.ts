import path from 'node:path';
import { Command } from 'commander';
import type { Database } from '../../db/database.js';
import { openScratchDatabase } from '../../db/scratch-database.js';
import { evaluateKnowledgeRetrieval } from '../../knowledge/knowledge-retrieval.eval.js';
import { evaluateDuplicateDetection } from '../../duplicates/duplicate-detection.eval.js';
import { runKnowledgeExpirySweep } from '../../knowledge/knowledge-expiry.job.js';
import { refreshKnowledgeIndex } from '../../knowledge/knowledge-search.service.js';
import { reindexAllOrders } from '../../search/search-reindex.service.js';
import { PROJECT_ROOT } from '../../paths.js';
import { integerAtLeast } from '../options.js';
import { withRuntime } from '../with-runtime.js';

// Beside the project, wherever the command is started from.
const DATA = path.resolve(PROJECT_ROOT, '../shared/data');

/** Evaluations run on a throw-away database (see --database-url), never on the centre's own. */
const scratchDatabase = (serverUrl?: string) => openScratchDatabase(serverUrl, 'lianxin_eval', 4);

async function withScratch<T>(url: string | undefined, fn: (db: Database & { label: string }) => Promise<T>) {
  const database = await scratchDatabase(url);
  try {
    console.log(JSON.stringify(await fn(database)));
  } finally {
    await database.close();
  }
}

export const textCommand = () => {
  const text = new Command('text').description('中文文本：检索、知识库、重复件 / Chinese text: search, knowledge, duplicates');
  text
    .command('eval-knowledge')
    .description('知识检索评测（真实答复）/ recall@5 of each appeal’s own official reply, p95 query time')
    .option('--file <csv>', 'appeal → reply pairs', path.join(DATA, 'appeals/replies.csv'))
    .option('--limit <n>', 'only the first n pairs', integerAtLeast(1))
    .option('--database-url <url>', 'PostgreSQL server for a scratch database (default: in-memory PGlite)')
    .action(async (o: { file: string; limit?: number; databaseUrl?: string }) => {
      await withScratch(o.databaseUrl, (db) => evaluateKnowledgeRetrieval(db, o.file, { limit: o.limit }));
    });
  text
    .command('eval-duplicates')
    .description('重复件识别评测（真实数据）/ precision and recall on reposted appeals and river topics')
    .option('--hot <csv>', 'hot-issues.csv', path.join(DATA, 'appeals/hot-issues.csv'))
    .option('--rivers <csv>', 'fuzhou-rivers appeals.csv', path.join(DATA, 'fuzhou-rivers/appeals.csv'))
    .option('--database-url <url>', 'PostgreSQL server for a scratch database (default: in-memory PGlite)')
    .action(async (o: { hot: string; rivers: string; databaseUrl?: string }) => {
      await withScratch(o.databaseUrl, (db) => evaluateDuplicateDetection(db, { hotIssues: o.hot, rivers: o.rivers }));
    });
  text
    .command('reindex')
    .description(
      '重建全部工单与知识检索词 / rebuild the search terms of every order and knowledge article (after dictionary changes)',
    )
    .action(async () => {
      await withRuntime(async (rt) => {
        console.log(JSON.stringify(await reindexAllOrders(rt.deps)));
        console.log(JSON.stringify({ knowledge: await refreshKnowledgeIndex(rt.deps, { all: true }) }));
      });
    });
  text
    .command('knowledge-sweep')
    .description('知识到期提醒及过期处理（一次）/ run the knowledge expiry sweep once')
    .action(async () => {
      await withRuntime(async (rt) => console.log(JSON.stringify(await runKnowledgeExpirySweep(rt.deps))));
    });
  return text;
};
