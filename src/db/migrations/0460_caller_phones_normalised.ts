import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Caller numbers are compared exactly (history, duplicates, list filter); from now on they are stored
// normalised (src/orders/phone.ts: no spaces or dashes, no +86). This brings older rows to the same
// form, so a caller typed once as 139-1234-5678 is found as 13912345678. Forward-only.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
update orders
   set caller_phone = nullif(regexp_replace(regexp_replace(regexp_replace(caller_phone, '[[:space:]-]', '', 'g'),
                                                         '^(\\+86|0086)([0-9]{7,})$', '\\2'), '^\\+', ''), '')
 where caller_phone ~ '[[:space:]-]|^\\+|^0086';
`,
  );
}
