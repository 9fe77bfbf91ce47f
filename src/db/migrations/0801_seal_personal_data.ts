import type { Kysely } from 'kysely';
import type { Executor } from '../database.js';
import { piiKeyringOf } from '../pii-columns.plugin.js';
import { rewrapAllRows } from '../pii-rewrap.js';
import { countStaleRows } from '../pii-rewrap.repository.js';

// Forward-only: never edit after it has landed; add a new migration instead.
// Issue 15 (ADR 0171): seals the personal data of an upgraded database — callers' names, phones and
// addresses, call records' numbers, the portal's one-time-code phones, TOTP secrets — with the keys
// the server was started with (the migration runs inside the server's own connection, which carries
// them), in batches. A database migrated without keys (a raw connection) that holds personal data in
// plain text fails here instead of being left half done: start the server (or `lianxin migrate`).
/** The sealed tables as they stood at this migration; later tables are sealed from their first row. */
const TABLES = ['orders', 'calls', 'portal_otp_codes', 'users'];

export async function up(db: Kysely<unknown>): Promise<void> {
  const executor = db as unknown as Executor;
  const keyring = piiKeyringOf(executor);
  if (!keyring) {
    let plain = 0;
    // '%' as the key id: any sealed value is fine, only plain text counts.
    for (const table of TABLES) plain += await countStaleRows(executor, table, '%');
    if (plain > 0)
      throw new Error('迁移 0801 需要个人信息密钥 / migration 0801 needs the personal-data keys (run it through lianxin)');
    return;
  }
  await rewrapAllRows(executor, keyring, { batch: 1000, tables: TABLES });
}
