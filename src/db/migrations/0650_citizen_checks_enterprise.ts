import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Issue 14, citizen pieces:
// - 涉企诉求: the enterprise identity of an appeal, written with the order in the one intake write
//   (ADR 0137). protect_name: the handling unit sees the matter without the company's name and code.
// - 接收率 (ADR 0136): the counter calls_accepted in both rollup tables; every built day is forgotten so
//   the refresh rebuilds it with the new counter (until then the figures are recomputed from the events).
// - 待核查 (ADR 0135): the supervisor's queue of dissatisfied web ratings reads orders in state 'checking'.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
create table order_enterprises (
  order_id uuid primary key references orders(id) on delete cascade,
  centre_id uuid not null references centres(id),
  company_name text not null,
  credit_code text not null,
  protect_name boolean not null default false,
  created_at timestamptz not null
);
create index order_enterprises_centre_idx on order_enterprises (centre_id, created_at desc);
create index order_enterprises_code_idx on order_enterprises (centre_id, credit_code);
create index orders_checking_idx on orders (centre_id, updated_at) where state = 'checking';
alter table kpi_daily_rollups add column calls_accepted int not null default 0;
alter table kpi_daily_unit_rollups add column calls_accepted int not null default 0;
delete from kpi_rollup_days;
`,
  );
}
