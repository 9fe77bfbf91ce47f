import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only: never edit after it has landed; add a new migration instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
-- Clocks of a task (issue 14, ADR 0152): a forwarding hop (下派签收, 下派办理) and an assisting unit's
-- task (协办意见) get order_deadlines rows of their own, so the time-limit monitor warns, urges and
-- issues 督办单 to the unit that holds the task. task_id names the hop or the assist task (no foreign
-- key: it points into one of two tables, told apart by the stage).
alter table order_deadlines add column task_id uuid;
-- One active clock per stage of the order itself, and one per stage of each task.
drop index order_deadlines_active_stage_idx;
create unique index order_deadlines_active_stage_idx on order_deadlines (order_id, stage)
  where status in ('running','paused') and task_id is null;
create unique index order_deadlines_active_task_idx on order_deadlines (task_id, stage)
  where status in ('running','paused') and task_id is not null;
-- The centre's check of a dissatisfied web rating (待核查) is a stage with rules of its own.
alter table timelimit_policies drop constraint timelimit_policies_stage_check;
alter table timelimit_policies add constraint timelimit_policies_stage_check
  check (stage in ('dispatch','sign','contact','reply','review','visit','check'));
-- 下派按时答复率 on the sub-unit a hop went to (never the lead unit). Hops existed before, so the
-- rollups built so far lack them until rebuilt; the figures of a period are recomputed from the raw tables.
alter table kpi_daily_rollups add column hops int not null default 0;
alter table kpi_daily_rollups add column hops_on_time int not null default 0;
alter table kpi_daily_unit_rollups add column hops int not null default 0;
alter table kpi_daily_unit_rollups add column hops_on_time int not null default 0;
`,
  );
}
