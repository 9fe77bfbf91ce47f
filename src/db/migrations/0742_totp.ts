import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only: never edit after it has landed; add a new migration instead.
// Issue 15, TOTP two-factor sign-in for staff (RFC 6238, ADR 0156). centres.mfa_required_roles: the
// staff roles that must use it; null = every role (the default of a new centre), '{}' = optional for
// everyone (the demo). A confirmed secret, a pending one during enrolment, the last time step used (no
// replay); one-use recovery codes kept as hashes; the second step of a sign-in is a short challenge.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
alter table centres add column mfa_required_roles text[];
alter table users add column totp_secret text;
alter table users add column totp_pending_secret text;
alter table users add column totp_enabled_at timestamptz;
alter table users add column totp_last_step int;
create table recovery_codes (
  id bigint generated always as identity primary key,
  user_id uuid not null references users(id) on delete cascade,
  code_hash text not null,
  used_at timestamptz
);
create index recovery_codes_user_idx on recovery_codes (user_id);
create table login_challenges (
  token_hash text primary key,
  user_id uuid not null references users(id) on delete cascade,
  kind text not null check (kind in ('totp', 'enrol')),
  attempts int not null default 0,
  created_at timestamptz not null,
  expires_at timestamptz not null
);
`,
  );
}
