import { sql } from 'kysely';
import type { Db } from '../src/db/database.js';

/**
 * Generates the KPI bench's hotline with INSERT … SELECT generate_series: one centre, 13 counties ×
 * 20 units (+ sub-units), 40 categories, 13 regions, `orders` orders over five years (2021–2025)
 * with their lifecycle events and return visits. Fates by the order's number: 30 % answered
 * directly, 3 % invalid, 3 % merged, 64 % transferred (3 % of them still open; every 101st returned
 * once and re-dispatched; every 53rd re-handled; every 17th signed for late).
 */
export async function generateKpiBenchData(db: Db, orders: number, log: (l: string) => void): Promise<string> {
  const step = async (label: string, q: ReturnType<typeof sql>) => {
    const t = performance.now();
    await q.execute(db);
    log(`  ${label}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  };
  const restore = await dropSecondaryIndexesAndForeignKeys(db, log);
  const centre = await sql<{
    id: string;
  }>`insert into centres (code, name) values ('bench-kpi', 'KPI 基准热线') returning id`.execute(db);
  const c = centre.rows[0]!.id;
  await step(
    'units, categories, regions',
    sql`
    with root as (
      insert into units (id, centre_id, code, name, kind, path)
      values ('00000000-0000-4000-8000-000000000000', ${c}, 'ROOT', '中心', 'centre', '/00000000-0000-4000-8000-000000000000/')
      returning id, path),
    counties as (
      insert into units (id, centre_id, parent_id, code, name, kind, path)
      select ('00000000-0000-4000-8001-' || lpad(g::text, 12, '0'))::uuid, ${c}, root.id, 'C' || g, '旗县' || g, 'county',
             root.path || ('00000000-0000-4000-8001-' || lpad(g::text, 12, '0')) || '/'
      from root, generate_series(1, 13) g returning id, path, code)
    insert into units (id, centre_id, parent_id, code, name, kind, path)
    select ('00000000-0000-4000-8002-' || lpad((substr(counties.code, 2)::int * 100 + u)::text, 12, '0'))::uuid, ${c}, counties.id,
           counties.code || '-' || u, '部门' || counties.code || '-' || u, 'county_dept',
           counties.path || ('00000000-0000-4000-8002-' || lpad((substr(counties.code, 2)::int * 100 + u)::text, 12, '0')) || '/'
    from counties, generate_series(1, 20) u`,
  );
  await sql`insert into categories (id, centre_id, code, name, level, path)
    select ('00000000-0000-4000-8003-' || lpad(g::text, 12, '0'))::uuid, ${c}, 'K' || g, '分类' || g, 1,
           '/00000000-0000-4000-8003-' || lpad(g::text, 12, '0') || '/'
    from generate_series(1, 40) g`.execute(db);
  await sql`insert into regions (id, centre_id, code, name, level)
    select ('00000000-0000-4000-8004-' || lpad(g::text, 12, '0'))::uuid, ${c}, 'R' || g, '区域' || g, 1 from generate_series(1, 13) g`.execute(
    db,
  );
  // Units 1..13 × 1..20; order g goes to county 1 + g % 13, unit 1 + (g / 13) % 20.
  const unitOf = (g: string) =>
    sql.raw(`('00000000-0000-4000-8002-' || lpad(((1 + ${g} % 13) * 100 + 1 + (${g} / 13) % 20)::text, 12, '0'))::uuid`);
  const otherUnitOf = (g: string) =>
    sql.raw(`('00000000-0000-4000-8002-' || lpad(((1 + (${g} + 1) % 13) * 100 + 1)::text, 12, '0'))::uuid`);
  const fate = sql.raw(`(g % 100)`);
  await step(
    `${orders} orders`,
    sql`
    insert into orders (centre_id, order_no, query_code, channel, appeal_type, category_id, priority, title, content,
      region_id, state, lead_unit_id, handled_directly, closure_kind, accepted_at, closed_at, updated_at)
    select ${c}, 'B' || g, '000000', (array['phone','phone','phone','web','window','grid'])[1 + g % 6],
      (array['consult','help','complaint','report','suggestion','praise','other'])[1 + g % 7],
      ('00000000-0000-4000-8003-' || lpad((1 + g % 40)::text, 12, '0'))::uuid, 3, '诉求', '内容',
      ('00000000-0000-4000-8004-' || lpad((1 + g % 13)::text, 12, '0'))::uuid,
      case when ${fate} < 30 then 'closed' when ${fate} < 33 then 'invalid' when ${fate} < 36 then 'merged'
           when ${fate} >= 97 then 'handling' else 'closed' end,
      case when ${fate} >= 36 then ${unitOf('g')} end,
      ${fate} < 30,
      case when ${fate} < 30 then 'direct' when ${fate} between 36 and 96 then 'visited' end,
      t, case when ${fate} < 30 then t + interval '5 minutes' when ${fate} between 36 and 96 then t + interval '4 days' end, t
    from generate_series(1, ${orders}) g,
      lateral (select timestamptz '2021-01-01 00:00:00+08' + (g::double precision / ${orders}) * interval '1826 days' as t) x`,
  );
  const n = sql.raw(`substr(o.order_no, 2)::bigint`);
  const ev = (label: string, action: string, where: string, at: string, payload = `'{}'::jsonb`) =>
    step(
      label,
      sql`insert into order_events (order_id, centre_id, action, from_state, to_state, at, payload)
      select o.id, o.centre_id, ${action}, null, null, ${sql.raw(at)}, ${sql.raw(payload)}
      from orders o where o.centre_id = ${c} and ${sql.raw(where.replaceAll('{n}', `(${n.compile(db).sql})`))}`,
    );
  const f = `({n} % 100)`;
  await ev('accept events', 'accept', 'true', 'o.accepted_at');
  await ev('direct answers', 'answer_directly', `${f} < 30`, `o.accepted_at + interval '5 minutes'`);
  await ev('rejections', 'reject', `${f} between 30 and 32`, `o.accepted_at + interval '5 minutes'`);
  await ev('merges', 'merge', `${f} between 33 and 35`, `o.accepted_at + interval '5 minutes'`);
  const transferred = `${f} >= 36`;
  const returned = `${transferred} and {n} % 101 = 0`;
  await ev(
    'returned first dispatches',
    'dispatch',
    returned,
    `o.accepted_at + interval '10 minutes'`,
    `jsonb_build_object('leadUnitId', ${otherUnitOf('substr(o.order_no, 2)::bigint').compile(db).sql})`,
  );
  await ev(
    'approved returns',
    'approve_return',
    returned,
    `o.accepted_at + interval '20 minutes'`,
    `jsonb_build_object('returnedFromUnitId', ${otherUnitOf('substr(o.order_no, 2)::bigint').compile(db).sql})`,
  );
  await ev(
    'dispatches',
    'dispatch',
    transferred,
    `o.accepted_at + interval '30 minutes'`,
    `jsonb_build_object('leadUnitId', o.lead_unit_id)`,
  );
  await ev(
    'signs',
    'sign',
    transferred,
    `o.accepted_at + case when {n} % 17 = 0 then interval '50 hours' else interval '2 hours' end`.replaceAll(
      '{n}',
      `(${n.compile(db).sql})`,
    ),
  );
  await ev('contacts', 'record_contact', transferred, `o.accepted_at + interval '4 hours'`);
  await ev(
    'replies',
    'reply',
    `${transferred} and ${f} < 97`,
    `o.accepted_at + (1 + {n} % 6) * interval '1 day'`.replaceAll('{n}', `(${n.compile(db).sql})`),
  );
  await ev(
    're-handlings',
    'visit_rehandle',
    `${transferred} and ${f} < 97 and {n} % 53 = 0`,
    `o.accepted_at + interval '3 days'`,
  );
  await ev(
    'second replies',
    'reply',
    `${transferred} and ${f} < 97 and {n} % 53 = 0`,
    `o.accepted_at + interval '3 days 4 hours'`,
  );
  await ev('visit closes', 'visit_close', `${transferred} and ${f} < 97`, `o.accepted_at + interval '4 days'`);
  await step(
    'return visits',
    sql`insert into return_visits (order_id, at, reached, satisfaction, resolved)
    select o.id, o.closed_at, ${n} % 40 <> 0,
      case when ${n} % 40 = 0 then null when ${n} % 50 = 1 then 'dissatisfied' when ${n} % 50 < 7 then 'basically_satisfied' else 'satisfied' end,
      case when ${n} % 40 = 0 then null else ${n} % 50 <> 1 end
    from orders o where o.centre_id = ${c} and o.closure_kind = 'visited'`,
  );
  await restore();
  await step('analyze', sql`analyze`);
  return c;
}

const LOADED_TABLES = ['orders', 'order_events', 'return_visits'];

/**
 * Bulk loading into tables with their secondary indexes and foreign keys maintains random-order
 * B-trees (order ids are random uuids) and checks a foreign key per row; at 5 M orders (≈ 22 M
 * events) that dominates. So the generator drops them first (definitions read from the catalog, so
 * later migrations' indexes are covered too) and builds them once at the end: sorted index builds
 * and one join per foreign key. Primary keys and unique constraints stay.
 */
async function dropSecondaryIndexesAndForeignKeys(db: Db, log: (l: string) => void): Promise<() => Promise<void>> {
  const tables = sql.join(LOADED_TABLES.map((t) => sql.lit(t)));
  const indexes = await sql<{ name: string; def: string }>`
    select i.indexname as name, i.indexdef as def from pg_indexes i
    where i.schemaname = 'public' and i.tablename in (${tables})
      and not exists (select 1 from pg_constraint k where k.conname = i.indexname and k.contype in ('p', 'u'))`.execute(db);
  const foreignKeys = await sql<{ table: string; name: string; def: string }>`
    select k.conrelid::regclass::text as table, k.conname as name, pg_get_constraintdef(k.oid) as def
    from pg_constraint k where k.contype = 'f' and k.conrelid::regclass::text in (${tables})`.execute(db);
  for (const k of foreignKeys.rows) await sql`alter table ${sql.id(k.table)} drop constraint ${sql.id(k.name)}`.execute(db);
  for (const i of indexes.rows) await sql`drop index ${sql.id(i.name)}`.execute(db);
  log(`  dropped ${indexes.rows.length} secondary indexes and ${foreignKeys.rows.length} foreign keys for the load`);
  return async () => {
    const t = performance.now();
    await db.transaction().execute(async (tx) => {
      await sql`set local maintenance_work_mem = '512MB'`.execute(tx);
      for (const i of indexes.rows) await sql.raw(i.def).execute(tx);
      for (const k of foreignKeys.rows)
        await sql`alter table ${sql.id(k.table)} add constraint ${sql.id(k.name)} ${sql.raw(k.def)}`.execute(tx);
    });
    log(
      `  rebuilt ${indexes.rows.length} indexes and ${foreignKeys.rows.length} foreign keys: ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
  };
}
