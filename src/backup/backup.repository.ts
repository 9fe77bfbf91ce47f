import { sql } from 'kysely';
import type { Executor } from '../db/database.js';

export interface TableSum {
  rows: number;
  /** md5 over the md5 of each row's text, in the order of those md5s: the same rows give the same sum. */
  md5: string;
}

/** Runs one SQL text and returns its rows: Kysely on a database, or one pg client inside a snapshot. */
export type RunSql = (text: string) => Promise<Record<string, unknown>[]>;

export const runOn =
  (db: Executor): RunSql =>
  async (text) =>
    (await sql.raw<Record<string, unknown>>(text).execute(db)).rows;

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Every table of the schema with its row count and content sum, read in UTC (a row's text shows its
 * timestamps in the session's zone). Whole-table reads: for the backup's manifest and its check.
 */
export async function tableSums(run: RunSql): Promise<Record<string, TableSum>> {
  await run(`set timezone to 'UTC'`);
  const tables = await run(`select tablename as name from pg_tables where schemaname = 'public' order by tablename`);
  const sums: Record<string, TableSum> = {};
  for (const { name } of tables as { name: string }[]) {
    const [r] = (await run(
      `select count(*)::int as rows, md5(string_agg(h, '' order by h)) as md5
       from (select md5(t::text) as h from public.${ident(name)} t) x`,
    )) as { rows: number; md5: string | null }[];
    sums[name] = { rows: Number(r!.rows), md5: r!.md5 ?? '' };
  }
  return sums;
}

/** Whether the database has no table of its own yet (a fresh place to restore into). */
export async function isEmptyDatabase(run: RunSql): Promise<boolean> {
  const [r] = (await run(`select count(*)::int as n from pg_tables where schemaname = 'public'`)) as { n: number }[];
  return Number(r!.n) === 0;
}
