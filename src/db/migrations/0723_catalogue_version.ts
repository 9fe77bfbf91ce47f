import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only: never edit after it has landed; add a new migration instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
-- The dispatch catalogue gets a version of its own (issue 14, ADR 0125 as amended): a rule edit no longer bumps centres.settings_version, so it no longer
-- reloads the time-limit rules and the routing table, and a time-limit edit no longer reloads the
-- catalogue. Regions feed both (the catalogue's region tree, routing by region): they bump both.
alter table centres add column catalogue_version bigint not null default 0;
create function bump_centre_catalogue_version() returns trigger language plpgsql as 'begin if tg_op = ''DELETE'' then update centres set catalogue_version = catalogue_version + 1 where id = old.centre_id; else update centres set catalogue_version = catalogue_version + 1 where id = new.centre_id; end if; return null; end';
drop trigger catalogue_rules_version on catalogue_rules;
create trigger catalogue_rules_version after insert or update or delete on catalogue_rules for each row execute function bump_centre_catalogue_version();
drop trigger catalogue_settings_version on catalogue_settings;
create trigger catalogue_settings_version after insert or update or delete on catalogue_settings for each row execute function bump_centre_catalogue_version();
create trigger regions_catalogue_version after insert or update or delete on regions for each row execute function bump_centre_catalogue_version();
-- The cached rules carry their sub-centre's active flag (a rule's desk routes only an active one).
create trigger units_sub_centre_catalogue_version after update of active on units for each row
  when (old.kind = 'sub_centre' and old.active is distinct from new.active) execute function bump_centre_catalogue_version();
`,
  );
}
