import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only: never edit after it has landed; add a new migration instead.
// Issue 16: the caller's SMS consent is recorded at intake (written with the order, so the 受理回执 is
// composed knowing it), and a citizen who proved a phone on the portal's 我的诉求 holds a short session
// with which they switch SMS notices off (or on again) themselves.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
-- null: not asked (the default applies: sent, unless the caller is confidential); false: declined.
alter table citizen_contacts add column sms_consent boolean;

-- The phone a citizen proved with the portal's one-time code, for a short while; only the token's hash
-- is kept and the phone is sealed at rest (ADR 0170).
create table portal_phone_sessions (
  token_hash text primary key,
  centre_id uuid not null references centres(id),
  phone text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null
);
create index portal_phone_sessions_expiry_idx on portal_phone_sessions (expires_at);
`,
  );
}
