import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only. centres.settings_version counts changes to what a centre's deadlines are computed
// from (working calendar, time-limit rules, escalation settings, time zone). Processes cache those
// per centre and compare the version they read with the order's centre in the same transaction
// (ADR 0013). Database triggers bump it, so no write path can forget to.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
alter table centres add column settings_version bigint not null default 0;
create function bump_centre_settings_version() returns trigger language plpgsql as 'begin if tg_op = ''DELETE'' then update centres set settings_version = settings_version + 1 where id = old.centre_id; else update centres set settings_version = settings_version + 1 where id = new.centre_id; end if; return null; end';
create trigger calendar_settings_version after insert or update or delete on calendar_settings for each row execute function bump_centre_settings_version();
create trigger calendar_overrides_version after insert or update or delete on calendar_overrides for each row execute function bump_centre_settings_version();
create trigger timelimit_policies_version after insert or update or delete on timelimit_policies for each row execute function bump_centre_settings_version();
create trigger timelimit_settings_version after insert or update or delete on timelimit_settings for each row execute function bump_centre_settings_version();
create function bump_own_settings_version() returns trigger language plpgsql as 'begin new.settings_version := old.settings_version + 1; return new; end';
create trigger centres_timezone_version before update of timezone on centres for each row when (old.timezone is distinct from new.timezone) execute function bump_own_settings_version()
`,
  );
}
