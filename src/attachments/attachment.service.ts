import path from 'node:path';
import type { Deps } from '../shared/deps.js';
import { forbidden, notFound } from '../shared/errors.js';
import { can } from '../users/permissions.js';
import type { Actor } from '../users/roles.js';
import { loadVisibleOrder } from '../orders/order-query.service.js';
import type { AttachmentView } from '../contract/orders.js';
import type { Executor } from '../db/database.js';
import { findAttachment, listAttachments } from './attachment.repository.js';
import { presentAttachment } from './attachment.presenter.js';
import { nameForType } from './file-type.js';
import { readSealedFile } from './attachment-files.js';
import { checkFile, recordOrderFile, withStoredFiles, type UploadedFile } from './order-files.js';

export type { UploadedFile } from './order-files.js';

/**
 * Stores a file under the data directory and records it on the order (staff attachments). Videos
 * are held to their own size limit; the checks and the storing are order-files.ts's.
 */
export async function addAttachment(deps: Deps, actor: Actor, idOrNo: string, file: UploadedFile) {
  if (actor.kind === 'user' && !can(actor, 'order.attach')) throw forbidden();
  const order = await loadVisibleOrder(deps, actor, idOrNo);
  const at = deps.clock.now();
  const checked = checkFile(deps.settings, file, { field: 'file', centreId: order.centre_id, at });
  return withStoredFiles(deps, [checked], () =>
    deps.db.transaction().execute((tx) => recordOrderFile(tx, order, checked, { author: actor, userId: actor.userId, at })),
  );
}

/** Opens an attachment for download if the actor may see its order. */
export async function openAttachment(deps: Deps, actor: Actor, attachmentId: string) {
  const row = await findAttachment(deps.db, attachmentId);
  if (!row) throw notFound('attachment');
  await loadVisibleOrder(deps, actor, row.order_id);
  const data = await readSealedFile(deps.db, path.join(deps.dataDir, row.storage_key));
  // Rows stored before names followed the type are renamed on the way out too.
  return { fileName: nameForType(row.file_name, row.content_type), contentType: row.content_type, data };
}

/** The order page's files, read for orders/ through its port (src/composition.ts). */
export async function readOrderAttachments(db: Executor, orderId: string): Promise<AttachmentView<Date>[]> {
  return (await listAttachments(db, orderId)).map(presentAttachment);
}
