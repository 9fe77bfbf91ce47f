import { sql, type Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only: never edit after it has landed; add a new migration instead.
// Issue 15 (等保 2.0 L3, ADR 0161): the audit trail is tamper-evident. Every row of the personal-data
// and administrative audit (pii_access_log, stream 'access') and of the order timeline (order_events,
// stream 'timeline') carries chain_seq and chain_hash = sha256(previous row's hash || the row as
// jsonb), one chain per stream and centre, linked by a trigger so that every writer is chained. The
// head of each chain (audit_chains) is locked by the inserting transaction: chains are serialised per
// centre. audit_checkpoints hold the signed checkpoints (the key lives outside the database).
//
// A column added later to either table must be nullable without a default, or every older row's
// hash changes (null values are left out of the hashed text).
const NIL = '00000000-0000-0000-0000-000000000000';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
alter table pii_access_log add column if not exists centre_id uuid references centres(id);
alter table pii_access_log add column chain_seq bigint;
alter table pii_access_log add column chain_hash text;
alter table order_events add column chain_seq bigint;
alter table order_events add column chain_hash text;
create table audit_chains (
  stream text not null,
  centre_id uuid not null,
  last_seq bigint not null,
  last_hash text not null,
  -- Retention (audit-retention job): rows up to this signed checkpoint were pruned; the chain goes on from it.
  pruned_seq bigint not null default 0,
  pruned_hash text,
  primary key (stream, centre_id)
);
create table audit_checkpoints (
  id bigint generated always as identity primary key,
  stream text not null,
  centre_id uuid not null,
  seq bigint not null,
  hash text not null,
  made_at timestamptz not null,
  key_id text not null,
  signature text not null
);
create index audit_checkpoints_chain_idx on audit_checkpoints (stream, centre_id, seq);
create table audit_verifications (
  id bigint generated always as identity primary key,
  at timestamptz not null,
  ok boolean not null,
  rows_checked bigint not null,
  chains jsonb not null
);
create index order_events_chain_idx on order_events (centre_id, chain_seq);
create index pii_access_log_chain_idx on pii_access_log (centre_id, chain_seq);
`,
  );
  // The hashed text of a row: its jsonb less chain_hash and less null values, in UTC (to_jsonb writes
  // timestamps in the session's time zone). One function for the trigger, the backfill and verify.
  await sql
    .raw(
      `create function lx_audit_hash(prev text, r anyelement) returns text
language plpgsql stable set timezone to 'UTC' as $fn$
begin
  return encode(sha256(convert_to(prev || jsonb_strip_nulls(to_jsonb(r) - 'chain_hash')::text, 'UTF8')), 'hex');
end
$fn$`,
    )
    .execute(db);
  // Takes the next link of a chain: locks its head row until the transaction ends (serialises writers
  // of one stream and centre), and returns the new sequence number and the previous hash.
  await sql
    .raw(
      `create function lx_audit_next(k_stream text, k_centre uuid, out seq bigint, out prev text)
language plpgsql as $fn$
begin
  update audit_chains set last_seq = last_seq + 1 where stream = k_stream and centre_id = k_centre
    returning last_seq, last_hash into seq, prev;
  if not found then
    insert into audit_chains (stream, centre_id, last_seq, last_hash) values (k_stream, k_centre, 0, repeat('0', 64))
      on conflict do nothing;
    update audit_chains set last_seq = last_seq + 1 where stream = k_stream and centre_id = k_centre
      returning last_seq, last_hash into seq, prev;
  end if;
end
$fn$`,
    )
    .execute(db);
  await sql
    .raw(
      `create function lx_audit_chain() returns trigger language plpgsql as $fn$
declare
  k_stream text := case tg_table_name when 'order_events' then 'timeline' else 'access' end;
  k_centre uuid;
  link record;
begin
  if tg_table_name = 'pii_access_log' then
    if new.centre_id is null and new.order_id is not null then
      select centre_id into new.centre_id from orders where id = new.order_id;
    end if;
    if new.centre_id is null and new.user_id is not null then
      select centre_id into new.centre_id from users where id = new.user_id;
    end if;
  end if;
  k_centre := coalesce(new.centre_id, '${NIL}'::uuid);
  select * into link from lx_audit_next(k_stream, k_centre);
  new.chain_seq := link.seq;
  new.chain_hash := lx_audit_hash(link.prev, new);
  update audit_chains set last_hash = new.chain_hash where stream = k_stream and centre_id = k_centre;
  return new;
end
$fn$`,
    )
    .execute(db);
  // Rows written before this migration are chained in the order they were written (by id).
  for (const [table, stream] of [
    ['order_events', 'timeline'],
    ['pii_access_log', 'access'],
  ]) {
    const centre =
      table === 'pii_access_log'
        ? `coalesce(r.centre_id, (select o.centre_id from orders o where o.id = r.order_id), (select u.centre_id from users u where u.id = r.user_id))`
        : 'r.centre_id';
    await sql
      .raw(
        `do $fn$
declare
  r ${table}%rowtype;
  link record;
begin
  for r in select * from ${table} order by id loop
    ${table === 'pii_access_log' ? `r.centre_id := ${centre};` : ''}
    select * into link from lx_audit_next('${stream}', coalesce(r.centre_id, '${NIL}'::uuid));
    r.chain_seq := link.seq;
    r.chain_hash := lx_audit_hash(link.prev, r);
    update ${table} set ${table === 'pii_access_log' ? 'centre_id = r.centre_id, ' : ''}chain_seq = r.chain_seq, chain_hash = r.chain_hash where id = r.id;
    update audit_chains set last_hash = r.chain_hash where stream = '${stream}' and centre_id = coalesce(r.centre_id, '${NIL}'::uuid);
  end loop;
end
$fn$`,
      )
      .execute(db);
    // Named zz_ so that it runs after any other BEFORE trigger has shaped the row.
    await sql
      .raw(`create trigger zz_audit_chain before insert on ${table} for each row execute function lx_audit_chain()`)
      .execute(db);
  }
}
