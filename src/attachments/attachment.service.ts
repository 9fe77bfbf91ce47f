import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Deps } from '../shared/deps.js';
import { DomainError, forbidden, notFound } from '../shared/errors.js';
import { text } from '../i18n/messages.js';
import { can } from '../users/permissions.js';
import type { Actor } from '../users/roles.js';
import { loadVisibleOrder } from '../orders/order-query.service.js';
import { recordOrderEvent } from '../orders/timeline-events.js';
import type { AttachmentView } from '../contract/orders.js';
import type { Executor } from '../db/database.js';
import { findAttachment, insertAttachment, listAttachments } from './attachment.repository.js';
import { presentAttachment } from './attachment.presenter.js';
import { ALLOWED_TYPES, sniffContentType } from './file-type.js';

export interface UploadedFile {
  fileName: string;
  declaredType: string;
  data: Buffer;
}

const safeName = (name: string) =>
  path
    .basename(name)
    .replace(/[\u0000-\u001f<>:"/\\|?*]/g, '_')
    .slice(0, 200) || 'file';

/**
 * Stores a file under the data directory and records it on the order. The file is written first
 * and removed again if the database write fails, so nothing half-written stays behind.
 */
export async function addAttachment(deps: Deps, actor: Actor, idOrNo: string, file: UploadedFile) {
  const maxBytes = deps.settings.attachmentMaxBytes;
  if (actor.kind === 'user' && !can(actor, 'order.attach')) throw forbidden();
  const order = await loadVisibleOrder(deps, actor, idOrNo);
  if (file.data.length === 0 || file.data.length > maxBytes) {
    throw new DomainError('PAYLOAD_TOO_LARGE', text('error.tooLarge', { max: `${Math.round(maxBytes / 1024 / 1024)} MB` }), {
      field: 'file',
    });
  }
  const sniffed = sniffContentType(file.data.subarray(0, 16));
  if (!sniffed) {
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', text('error.badType', { type: file.declaredType }), {
      field: 'file',
      allowed: ALLOWED_TYPES,
    });
  }
  const id = crypto.randomUUID();
  const at = deps.clock.now();
  const storageKey = path.join('attachments', order.centre_id, at.toISOString().slice(0, 7), id);
  const fullPath = path.join(deps.dataDir, storageKey);
  await fs.mkdir(path.dirname(fullPath), { recursive: true });
  await fs.writeFile(fullPath, file.data);
  try {
    return await deps.db.transaction().execute(async (tx) => {
      const row = await insertAttachment(tx, {
        id,
        orderId: order.id,
        fileName: safeName(file.fileName),
        contentType: sniffed,
        sizeBytes: file.data.length,
        sha256: createHash('sha256').update(file.data).digest('hex'),
        storageKey,
        by: actor.userId,
        at,
      });
      await recordOrderEvent(tx, order, {
        kind: 'attach',
        by: actor,
        at,
        payload: { attachmentId: id, fileName: row.file_name, contentType: sniffed, sizeBytes: row.size_bytes },
      });
      return row;
    });
  } catch (error) {
    await fs.rm(fullPath, { force: true });
    throw error;
  }
}

/** Opens an attachment for download if the actor may see its order. */
export async function openAttachment(deps: Deps, actor: Actor, attachmentId: string) {
  const row = await findAttachment(deps.db, attachmentId);
  if (!row) throw notFound('attachment');
  await loadVisibleOrder(deps, actor, row.order_id);
  const data = await fs.readFile(path.join(deps.dataDir, row.storage_key));
  return { fileName: row.file_name, contentType: row.content_type, data };
}

/** The order page's files, read for orders/ through its port (src/composition.ts). */
export async function readOrderAttachments(db: Executor, orderId: string): Promise<AttachmentView<Date>[]> {
  return (await listAttachments(db, orderId)).map(presentAttachment);
}
