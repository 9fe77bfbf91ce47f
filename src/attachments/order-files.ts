import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Executor } from '../db/database.js';
import type { Order } from '../db/schema.js';
import { text } from '../i18n/messages.js';
import { recordOrderEvent, type EventAuthor } from '../orders/timeline-events.js';
import type { Deps } from '../shared/deps.js';
import { DomainError, invalidField } from '../shared/errors.js';
import { insertAttachment } from './attachment.repository.js';
import { writeSealedFile } from './attachment-files.js';
import { ALLOWED_TYPES, isVideoType, nameForType, sniffContentType } from './file-type.js';

export interface UploadedFile {
  fileName: string;
  declaredType: string;
  data: Buffer;
}

/** A file whose bytes were checked: its type, its place under the data directory, its stored name. */
export interface CheckedFile {
  id: string;
  fileName: string;
  contentType: string;
  data: Buffer;
  storageKey: string;
}

/** The two size limits: videos have their own (LIANXIN_VIDEO_MAX_BYTES), every other file the attachment one. */
export interface FileLimits {
  readonly attachmentMaxBytes: number;
  readonly videoMaxBytes: number;
}

/** The largest file any upload may carry: what a multipart reader lets through before the type is known. */
export const largestUpload = (limits: FileLimits) => Math.max(limits.attachmentMaxBytes, limits.videoMaxBytes);

export const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

export const tooLarge = (field: string, maxBytes: number) =>
  new DomainError('PAYLOAD_TOO_LARGE', text('error.tooLarge', { max: megabytes(maxBytes) }), { field, maxBytes });

const safeName = (name: string) =>
  path
    .basename(name)
    .replace(/[\u0000-\u001f<>:"/\\|?*]/g, '_')
    .slice(0, 200) || 'file';

/**
 * Checks one upload by its bytes (never its label): a type of `allowed`, within the limit of that
 * type (a video its own). Faults name the form field: 400 empty, 415 another type, 413 too large.
 */
export function checkFile(
  limits: FileLimits,
  file: UploadedFile,
  place: { field: string; centreId: string; at: Date; allowed?: readonly string[] },
): CheckedFile {
  if (file.data.length === 0) throw invalidField(place.field, 'empty');
  const allowed = place.allowed ?? ALLOWED_TYPES;
  const contentType = sniffContentType(file.data);
  if (!contentType || !allowed.includes(contentType)) {
    throw new DomainError(
      'UNSUPPORTED_MEDIA_TYPE',
      // said of the content: a file labelled image/png whose bytes are no picture is not "PNG not allowed"
      text('error.badContent', { name: safeName(file.fileName) }),
      {
        field: place.field,
        allowed,
      },
    );
  }
  const maxBytes = isVideoType(contentType) ? limits.videoMaxBytes : limits.attachmentMaxBytes;
  if (file.data.length > maxBytes) throw tooLarge(place.field, maxBytes);
  const id = randomUUID();
  return {
    id,
    contentType,
    data: file.data,
    fileName: nameForType(safeName(file.fileName), contentType),
    storageKey: path.join('attachments', place.centreId, place.at.toISOString().slice(0, 7), id),
  };
}

/**
 * Writes the checked files (sealed, ADR 0172), then runs the database work; if it fails the files
 * are removed again, so nothing half-written stays behind.
 */
export async function withStoredFiles<T>(
  deps: Pick<Deps, 'db' | 'dataDir'>,
  files: readonly CheckedFile[],
  work: () => Promise<T>,
) {
  const written: string[] = [];
  try {
    for (const file of files) {
      const fullPath = path.join(deps.dataDir, file.storageKey);
      written.push(fullPath);
      await writeSealedFile(deps.db, fullPath, file.data);
    }
    return await work();
  } catch (error) {
    await Promise.all(written.map((p) => fs.rm(p, { force: true })));
    throw error;
  }
}

/** Records a stored file on its order: the attachment row and the `attach` step of the timeline. */
export async function recordOrderFile(
  tx: Executor,
  order: Pick<Order, 'id' | 'centre_id' | 'state'>,
  file: CheckedFile,
  by: { author: EventAuthor; userId: string | null; at: Date },
) {
  const row = await insertAttachment(tx, {
    id: file.id,
    orderId: order.id,
    fileName: file.fileName,
    contentType: file.contentType,
    sizeBytes: file.data.length,
    sha256: createHash('sha256').update(file.data).digest('hex'),
    storageKey: file.storageKey,
    by: by.userId,
    at: by.at,
  });
  await recordOrderEvent(tx, order, {
    kind: 'attach',
    by: by.author,
    at: by.at,
    payload: { attachmentId: row.id, fileName: row.file_name, contentType: row.content_type, sizeBytes: row.size_bytes },
  });
  return row;
}
