import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import type { NlpModelKind } from './nlp.table.js';

export interface NewNlpModel {
  centreId: string;
  kind: NlpModelKind;
  trainedAt: Date;
  trainingRows: number;
  labelCount: number;
  metrics: Record<string, unknown>;
  blob: Buffer;
}

/**
 * Stores a new version (previous version + 1). Two trainings racing for the same centre and kind
 * collide on the unique key; the loser's insert fails and its transaction rolls back.
 */
export async function insertNlpModel(db: Executor, m: NewNlpModel) {
  const previous = await latestVersion(db, m.centreId, m.kind);
  return db
    .insertInto('nlp_models')
    .values({
      centre_id: m.centreId,
      kind: m.kind,
      version: previous + 1,
      trained_at: m.trainedAt,
      training_rows: m.trainingRows,
      label_count: m.labelCount,
      metrics: JSON.stringify(m.metrics),
      blob: m.blob,
    })
    .returning(['id', 'version', 'trained_at'])
    .executeTakeFirstOrThrow();
}

async function latestVersion(db: Executor, centreId: string, kind: NlpModelKind): Promise<number> {
  const row = await db
    .selectFrom('nlp_models')
    .select(sql<number>`coalesce(max(version), 0)`.as('v'))
    .where('centre_id', '=', centreId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return Number(row?.v ?? 0);
}

/** The newest model of a centre and kind, with its blob. */
export async function findLatestNlpModel(db: Executor, centreId: string, kind: NlpModelKind) {
  return db
    .selectFrom('nlp_models')
    .selectAll()
    .where('centre_id', '=', centreId)
    .where('kind', '=', kind)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Version headers only (no blob), newest first. */
export async function listNlpModels(db: Executor, centreId: string) {
  return db
    .selectFrom('nlp_models')
    .select(['id', 'kind', 'version', 'trained_at', 'training_rows', 'label_count', 'metrics'])
    .where('centre_id', '=', centreId)
    .orderBy('kind')
    .orderBy('version', 'desc')
    .execute();
}

/** Keeps the newest `keep` versions per kind; older blobs only take space. */
export async function pruneNlpModels(db: Executor, centreId: string, kind: NlpModelKind, keep: number) {
  const newest = await db
    .selectFrom('nlp_models')
    .select('version')
    .where('centre_id', '=', centreId)
    .where('kind', '=', kind)
    .orderBy('version', 'desc')
    .offset(keep - 1)
    .limit(1)
    .executeTakeFirst();
  if (!newest) return;
  await db
    .deleteFrom('nlp_models')
    .where('centre_id', '=', centreId)
    .where('kind', '=', kind)
    .where('version', '<', newest.version)
    .execute();
}

/** The newest version's identity without its blob: cheap enough to ask on every suggestion. */
export async function findLatestNlpModelHead(db: Executor, centreId: string, kind: NlpModelKind) {
  return db
    .selectFrom('nlp_models')
    .select(['id', 'version', 'trained_at'])
    .where('centre_id', '=', centreId)
    .where('kind', '=', kind)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function findNlpModelBlob(db: Executor, id: string) {
  const row = await db.selectFrom('nlp_models').select('blob').where('id', '=', id).executeTakeFirst();
  return row?.blob;
}
