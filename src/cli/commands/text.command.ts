import path from 'node:path';
import { Command } from 'commander';
import pg from 'pg';
import { openDatabase, type Database } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import { evaluateKnowledgeRetrieval } from '../../knowledge/knowledge-retrieval.eval.js';
import { evaluateDuplicateDetection } from '../../duplicates/duplicate-detection.eval.js';
import { runKnowledgeExpirySweep } from '../../knowledge/knowledge-expiry.job.js';
import { reindexAllOrders } from '../../search/search-reindex.service.js';
import { withRuntime } from '../with-runtime.js';

const DATA = path.resolve(process.cwd(), '../shared/data');

/**
 * A fresh database for one evaluation: in-memory PGlite, or a new database on the PostgreSQL server
 * given by --database-url (dropped afterwards). Evaluations never touch the centre's own database.
 */
export async function scratchDatabase(serverUrl?: string): Promise<Database & { label: string }> {
  if (!serverUrl) {
    const database = await openDatabase({});
    await migrateToLatest(database.db);
    return { ...database, label: 'pglite' };
  }
  const name = `lianxin_eval_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 4 });
  await migrateToLatest(database.db);
  return {
    ...database,
    label: 'postgres',
    close: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

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
    .option('--limit <n>', 'only the first n pairs', (v) => Number(v))
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
    .description('重建全部工单检索词 / rebuild the search lexemes of every order (after dictionary changes)')
    .action(async () => {
      await withRuntime(async (rt) => console.log(JSON.stringify(await reindexAllOrders(rt.deps))));
    });
  text
    .command('knowledge-sweep')
    .description('知识到期提醒及过期处理（一次）/ run the knowledge expiry sweep once')
    .action(async () => {
      await withRuntime(async (rt) => console.log(JSON.stringify(await runKnowledgeExpirySweep(rt.deps))));
    });
  return text;
};
