import type { AttachmentView } from '../contract/orders.js';
import type { AttachmentsTable } from '../db/schema.js';
import type { Selectable } from 'kysely';

/** A stored file as the API shows it: never its storage path. */
export function presentAttachment(a: Selectable<AttachmentsTable>): AttachmentView<Date> {
  return { id: a.id, fileName: a.file_name, contentType: a.content_type, sizeBytes: a.size_bytes, createdAt: a.created_at };
}
