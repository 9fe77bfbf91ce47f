import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only: never edit after it has landed; add a new migration instead.
// Issue 15, 三员分立 (ADR 0157): `admin` stays the system administrator, `auditor` the audit
// administrator, and the new `security_admin` alone manages accounts. An existing account that combined
// an administrator role with any other role keeps only its administrator role (admin before auditor);
// each such change is a row of the audit trail with the roles before and after. A centre gets its
// first security administrator from the CLI: `lianxin user add --roles security_admin …`.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
insert into pii_access_log (user_id, order_id, fields, purpose, at, centre_id, subject, detail)
select null, null, '{}', 'migration.user.roles', now(), centre_id, username,
  jsonb_build_object('userId', id, 'via', 'migration 0741', 'before', to_jsonb(roles),
    'after', to_jsonb(case when 'admin' = any(roles) then array['admin'] else array['auditor'] end))
from users where roles && array['admin', 'auditor']::text[] and cardinality(roles) > 1;
update users set roles = case when 'admin' = any(roles) then array['admin'] else array['auditor'] end
where roles && array['admin', 'auditor']::text[] and cardinality(roles) > 1;
`,
  );
}
