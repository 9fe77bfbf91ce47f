import type { AttachmentView } from '../contract/orders.js';
import type { Executor } from '../db/database.js';
import { listAttachments } from './attachment.repository.js';

/** The order page's files (never their storage path), read for orders/ through its port. */
export async function readOrderAttachments(db: Executor, orderId: string): Promise<AttachmentView<Date>[]> {
  const rows = await listAttachments(db, orderId);
  return rows.map((a) => ({
    id: a.id,
    fileName: a.file_name,
    contentType: a.content_type,
    sizeBytes: a.size_bytes,
    createdAt: a.created_at,
  }));
}
