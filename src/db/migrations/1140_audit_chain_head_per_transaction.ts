import { sql, type Kysely } from 'kysely';

// Forward-only: never edit after it has landed; add a new migration instead.
//
// The audit hash chain (ADR 0161) with its head written once per transaction, not twice per row
// (issue 17's import bench, ADR 0183 amendment). The chain trigger updated the head row of
// audit_chains twice for every row it linked: each update leaves a row version that the transaction's
// next lookup has to step over (nothing can be pruned while the transaction runs), so a transaction
// linking n rows cost O(n²) — 0.46 ms a row at 100 rows, 1.05 ms a row at 3,000, and ~4 ms a row while
// any other transaction of the cluster was open (a backup, a long report). An import batch links
// ~1,000 timeline events.
//
// Now the first row a transaction links locks the head (SELECT … FOR UPDATE: writers of one chain are
// still serialised until commit) and the running sequence number and hash are kept in a
// transaction-local setting (set_config(…, true): undone with the transaction, or with a savepoint
// rolled back to, exactly like the rows it numbered); the head row is written once, by a deferred
// constraint trigger that runs before the commit. Same numbers, same hashes, same order: verify and
// checkpoints are unchanged.
const NIL = '00000000-0000-0000-0000-000000000000';

export async function up(db: Kysely<unknown>): Promise<void> {
  // The transaction-local state of one chain: 'seq:hash' after the last row linked, '' or null before.
  await sql
    .raw(
      `create function lx_audit_state_key(k_stream text, k_centre uuid) returns text
language sql immutable as $fn$ select 'lx_chain.' || k_stream || '_' || replace(k_centre::text, '-', '') $fn$`,
    )
    .execute(db);
  await sql
    .raw(
      `create or replace function lx_audit_chain() returns trigger language plpgsql as $fn$
declare
  k_stream text := case tg_table_name when 'order_events' then 'timeline' else 'access' end;
  k_centre uuid;
  k_key text;
  state text;
  seq bigint;
  prev text;
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
  k_key := lx_audit_state_key(k_stream, k_centre);
  state := current_setting(k_key, true);
  if state is null or state = '' then
    -- The transaction's first row of this chain: lock the head until commit.
    select c.last_seq, c.last_hash into seq, prev from audit_chains c
      where c.stream = k_stream and c.centre_id = k_centre for update;
    if not found then
      insert into audit_chains (stream, centre_id, last_seq, last_hash) values (k_stream, k_centre, 0, repeat('0', 64))
        on conflict do nothing;
      select c.last_seq, c.last_hash into seq, prev from audit_chains c
        where c.stream = k_stream and c.centre_id = k_centre for update;
    end if;
  else
    seq := split_part(state, ':', 1)::bigint;
    prev := split_part(state, ':', 2);
  end if;
  new.chain_seq := seq + 1;
  new.chain_hash := lx_audit_hash(prev, new);
  perform set_config(k_key, new.chain_seq || ':' || new.chain_hash, true);
  return new;
end
$fn$`,
    )
    .execute(db);
  // Before the commit: the head row takes the transaction's last link (once; later calls find it written).
  await sql
    .raw(
      `create function lx_audit_chain_head() returns trigger language plpgsql as $fn$
declare
  k_stream text := case tg_table_name when 'order_events' then 'timeline' else 'access' end;
  k_centre uuid := coalesce(new.centre_id, '${NIL}'::uuid);
  k_key text := lx_audit_state_key(k_stream, k_centre);
  state text := current_setting(k_key, true);
  written text := current_setting(k_key || '_w', true);
begin
  if state is null or state = '' or state = written then
    return null;
  end if;
  update audit_chains set last_seq = split_part(state, ':', 1)::bigint, last_hash = split_part(state, ':', 2)
    where stream = k_stream and centre_id = k_centre;
  perform set_config(k_key || '_w', state, true);
  return null;
end
$fn$`,
    )
    .execute(db);
  for (const table of ['order_events', 'pii_access_log']) {
    await sql
      .raw(
        `create constraint trigger zz_audit_chain_head after insert on ${table} deferrable initially deferred
  for each row execute function lx_audit_chain_head()`,
      )
      .execute(db);
  }
}
