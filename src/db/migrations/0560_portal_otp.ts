import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only: never edit after it has landed; add a new migration instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
-- One-time codes by which a citizen proves a phone number and sees "my appeals" (issue 13, ADR 0104).
-- Only a hash of the code is kept; a code dies at its expiry, after its wrong attempts, or once used.
create table portal_otp_codes (
  id uuid primary key default gen_random_uuid(),
  phone text not null,
  client_ip text not null,
  code_hash text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  attempts integer not null default 0,
  used_at timestamptz
);
-- The rate limits count a phone's and an address's recent codes.
create index portal_otp_codes_phone_idx on portal_otp_codes (phone, created_at);
create index portal_otp_codes_ip_idx on portal_otp_codes (client_ip, created_at);
`,
  );
}
