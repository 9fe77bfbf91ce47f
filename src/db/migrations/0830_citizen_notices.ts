import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only: never edit after it has landed; add a new migration instead.
// Issue 16 (ADR 0177): notices to the citizen — per-centre settings and templates, opt-outs, the
// contact and consent of an order's caller, and one delivery record per notice and channel.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
create table citizen_notice_settings (
  centre_id uuid primary key references centres(id),
  -- which events send a notice (受理回执, 诉求已收到, 已派单, 已答复, 已办结, 回访邀请)
  events text[] not null,
  -- no SMS from quiet_start to quiet_end (minutes of the centre's day); queued until quiet_end unless urgent
  quiet_start smallint not null default 1320,
  quiet_end smallint not null default 480,
  -- a second template language besides zh (e.g. 'mn' for Mongolian script), null = zh only
  second_lang text,
  -- return visit by SMS link: hours until an unanswered link falls back to the phone queue
  visit_link_hours integer not null default 48,
  -- share (0..1) of 直办 orders sampled for a return visit
  direct_visit_share numeric not null default 0,
  updated_at timestamptz not null
);

create table citizen_notice_templates (
  centre_id uuid not null references centres(id),
  event text not null,
  channel text not null check (channel in ('sms','email')),
  lang text not null,
  subject text,
  body text not null,
  updated_at timestamptz not null,
  updated_by uuid references users(id),
  primary key (centre_id, event, channel, lang)
);

-- A citizen who asked for no notices (phone digits or lower-case e-mail); receipts of codes still go.
create table citizen_opt_outs (
  centre_id uuid not null references centres(id),
  recipient text not null,
  at timestamptz not null,
  source text not null,
  primary key (centre_id, recipient)
);

-- How to reach an order's caller besides the phone, in which language, and (a confidential caller)
-- which events they agreed to be told about.
create table citizen_contacts (
  order_id uuid primary key references orders(id),
  email text,
  lang text not null default 'zh',
  consent text[],
  updated_at timestamptz not null
);

-- The delivery record: one row per notice and channel; the idempotency key is also the key given
-- to the provider, so a repeated send after a crash is recognised.
create table citizen_notices (
  id bigint generated always as identity primary key,
  centre_id uuid not null references centres(id),
  order_id uuid references orders(id),
  event text not null,
  channel text not null check (channel in ('sms','email')),
  provider text not null,
  recipient text not null,
  lang text not null,
  subject text,
  body text not null,
  -- the template's variables (an SMS API that holds the template text, Aliyun's, takes these)
  params jsonb not null,
  status text not null check (status in ('queued','held','sent','delivered','failed','skipped')),
  reason text,
  urgent boolean not null default false,
  idempotency_key text not null unique,
  provider_id text,
  not_before timestamptz not null,
  attempts integer not null default 0,
  last_error text,
  created_at timestamptz not null,
  sent_at timestamptz,
  delivered_at timestamptz,
  failed_at timestamptz
);
create index citizen_notices_centre_idx on citizen_notices (centre_id, id desc);
create index citizen_notices_order_idx on citizen_notices (order_id);
create index citizen_notices_provider_id_idx on citizen_notices (provider, provider_id) where provider_id is not null;
`,
  );
}
