import pg from 'pg';
import { openDatabase, type Database } from './database.js';
import { migrateToLatest } from './migrate.js';
import { migratedPgliteTemplate } from './pglite-template.js';
import { PiiKeyring } from '../shared/pii-keyring.js';

/**
 * A fresh, migrated, throw-away database: in-memory PGlite (filled from the migrated template), or a new database on the PostgreSQL
 * server at `serverUrl`, dropped again by `close()`. Used by tests and evaluation commands. Its
 * personal data is sealed with keys made for it and kept in memory only (ADR 0170).
 */
export async function openScratchDatabase(
  serverUrl: string | undefined,
  prefix: string,
  poolSize = 8,
  pii: PiiKeyring = PiiKeyring.generate(),
): Promise<Database & { label: string }> {
  if (!serverUrl) {
    const database = await openDatabase({ pii, loadDataDir: await migratedPgliteTemplate() });
    await migrateToLatest(database.db); // nothing to do on a current template; kept so a stale one cannot slip by
    return { ...database, label: 'pglite' };
  }
  const name = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize, pii });
  await migrateToLatest(database.db);
  return {
    ...database,
    label: 'postgres',
    close: async () => {
      await database.close();
      await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
