import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only: never edit after it has landed; add a new migration instead.
// Full-text search, knowledge base (知识库) and duplicate candidates (重复件), issue #5.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
-- Lexemes from application-side jieba segmentation, joined by spaces and parsed with the 'simple'
-- configuration (title weighted A, content D); the same on PostgreSQL and PGlite.
alter table orders add column search_vector tsvector;
create index orders_search_idx on orders using gin (search_vector);
create index orders_address_idx on orders (centre_id, address, accepted_at desc) where address is not null;

create table knowledge_articles (
  id uuid primary key default gen_random_uuid(),
  centre_id uuid not null references centres(id),
  title text not null,
  body text not null,
  category_id uuid references categories(id),
  owner_unit_id uuid not null references units(id),
  status text not null check (status in ('draft','published','expired')),
  valid_from date,
  valid_to date,
  review_at date,
  version int not null default 1,
  usage_count int not null default 0,
  last_used_at timestamptz,
  created_by uuid references users(id),
  created_at timestamptz not null,
  updated_by uuid references users(id),
  updated_at timestamptz not null,
  search_vector tsvector not null,
  check (valid_to is null or valid_from is null or valid_to >= valid_from)
);
create index knowledge_articles_search_idx on knowledge_articles using gin (search_vector);
create index knowledge_articles_centre_idx on knowledge_articles (centre_id, status, updated_at desc);
create index knowledge_articles_owner_idx on knowledge_articles (owner_unit_id, status);
create index knowledge_articles_valid_to_idx on knowledge_articles (valid_to) where status = 'published';

-- Every edit is a new row: the full content as it was at that version.
create table knowledge_article_versions (
  article_id uuid not null references knowledge_articles(id),
  version int not null,
  title text not null,
  body text not null,
  category_id uuid references categories(id),
  owner_unit_id uuid not null references units(id),
  status text not null,
  valid_from date,
  valid_to date,
  review_at date,
  edited_by uuid references users(id),
  edited_at timestamptz not null,
  note text,
  primary key (article_id, version)
);

-- Which article answered which order (直办 from the knowledge base).
create table knowledge_usages (
  id bigint generated always as identity primary key,
  article_id uuid not null references knowledge_articles(id),
  article_version int not null,
  order_id uuid not null references orders(id),
  used_by uuid references users(id),
  at timestamptz not null,
  unique (order_id, article_id)
);
create index knowledge_usages_article_idx on knowledge_usages (article_id, at);

-- Earlier orders that may be the same appeal, found when an order is accepted.
create table order_duplicate_candidates (
  order_id uuid not null references orders(id),
  candidate_id uuid not null references orders(id),
  score real not null,
  reasons text[] not null,
  found_at timestamptz not null,
  primary key (order_id, candidate_id)
);
create index order_duplicate_candidates_candidate_idx on order_duplicate_candidates (candidate_id)
`,
  );
}
