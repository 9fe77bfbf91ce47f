import type { Kysely } from 'kysely';
import { runSql } from './run-sql.js';

// Forward-only: never edit after it has landed; add a new migration instead.
// Category and handling-unit suggestion models, trained per centre from its own history (issue #5).
export async function up(db: Kysely<unknown>): Promise<void> {
  await runSql(
    db,
    `
-- One row per trained model version; the newest version of (centre, kind) answers suggestions.
-- blob is the gzipped JSON of the classifier (src/nlp/model-codec.ts).
create table nlp_models (
  id uuid primary key default gen_random_uuid(),
  centre_id uuid not null references centres(id),
  kind text not null check (kind in ('category','unit')),
  version int not null,
  trained_at timestamptz not null,
  training_rows int not null,
  label_count int not null,
  metrics jsonb not null default '{}'::jsonb,
  blob bytea not null,
  unique (centre_id, kind, version)
);
`,
  );
}
