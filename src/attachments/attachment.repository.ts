import type { Executor } from '../db/database.js';

export async function insertAttachment(
  db: Executor,
  a: {
    id: string;
    orderId: string;
    fileName: string;
    contentType: string;
    sizeBytes: number;
    sha256: string;
    storageKey: string;
    by: string | null;
    at: Date;
  },
) {
  return db
    .insertInto('attachments')
    .values({
      id: a.id,
      order_id: a.orderId,
      file_name: a.fileName,
      content_type: a.contentType,
      size_bytes: a.sizeBytes,
      sha256: a.sha256,
      storage_key: a.storageKey,
      uploaded_by: a.by,
      created_at: a.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listAttachments(db: Executor, orderId: string) {
  return db.selectFrom('attachments').selectAll().where('order_id', '=', orderId).orderBy('created_at').orderBy('id').execute();
}

export async function findAttachment(db: Executor, id: string) {
  return db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
}
