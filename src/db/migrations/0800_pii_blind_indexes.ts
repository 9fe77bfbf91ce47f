import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only: never edit after it has landed; add a new migration instead.
// Issue 15, personal data sealed at rest (ADR 0170): blind index columns (HMAC-SHA256 of the value,
// written by the database layer's PiiColumnsPlugin) beside the sealed phone and address columns;
// exact look-ups (list filter, duplicates, screen-pop, the portal's "my appeals") use them. The indexes
// on the plain columns go: a sealed value is different every time, an index on it finds nothing.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
alter table orders add column caller_phone_bidx text;
alter table orders add column address_bidx text;
drop index if exists orders_caller_phone_idx;
drop index if exists orders_address_idx;
create index orders_caller_phone_bidx_idx on orders (centre_id, caller_phone_bidx, accepted_at desc) where caller_phone_bidx is not null;
create index orders_address_bidx_idx on orders (centre_id, address_bidx, accepted_at desc) where address_bidx is not null;
alter table portal_otp_codes add column phone_bidx text;
drop index if exists portal_otp_codes_phone_idx;
create index portal_otp_codes_phone_bidx_idx on portal_otp_codes (phone_bidx, created_at);
`,
  );
}
