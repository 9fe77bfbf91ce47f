import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { insertAttachment } from '../attachments/attachment.repository.js';
import { writeSealedFile } from '../attachments/attachment-files.js';
import { nameForType, sniffContentType } from '../attachments/file-type.js';
import { text } from '../i18n/messages.js';
import { recordOrderEvent } from '../orders/timeline-events.js';
import { acceptOrderInTransaction } from '../orders/order-intake.service.js';
import type { OrderDeps as Deps } from '../orders/order-hooks.js';
import { DomainError, invalidField } from '../shared/errors.js';
import { citizenActor, portalCentre } from './portal.service.js';
import { MAX_PORTAL_PHOTOS, type PortalAppealInput } from './portal.schemas.js';
import type { PortalReceipt } from '../contract/portal-views.js';

export interface PortalPhoto {
  fileName: string;
  data: Buffer;
}

interface CheckedPhoto extends PortalPhoto {
  id: string;
  contentType: string;
  storageKey: string;
}

const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];

const safeName = (name: string) =>
  path
    .basename(name)
    .replace(/[\u0000-\u001f<>:"/\\|?*]/g, '_')
    .slice(0, 200) || 'photo';

/** Size and type (sniffed from the bytes, as for staff attachments) of every photo, before anything is stored. */
function checkPhotos(photos: PortalPhoto[], maxBytes: number, centreId: string, month: string): CheckedPhoto[] {
  if (photos.length > MAX_PORTAL_PHOTOS) {
    throw new DomainError('VALIDATION', text('error.portalTooManyPhotos', { max: MAX_PORTAL_PHOTOS }), { field: 'photos' });
  }
  return photos.map((photo) => {
    if (photo.data.length === 0) throw invalidField('photos', 'empty');
    if (photo.data.length > maxBytes) {
      const max = `${Math.round(maxBytes / 1024 / 1024)} MB`;
      throw new DomainError('PAYLOAD_TOO_LARGE', text('error.tooLarge', { max }), { field: 'photos' });
    }
    const contentType = sniffContentType(photo.data.subarray(0, 16));
    if (!contentType || !PHOTO_TYPES.includes(contentType)) {
      throw new DomainError('UNSUPPORTED_MEDIA_TYPE', text('error.badType', { type: safeName(photo.fileName) }), {
        field: 'photos',
        allowed: PHOTO_TYPES,
      });
    }
    const id = randomUUID();
    return { ...photo, id, contentType, storageKey: path.join('attachments', centreId, month, id) };
  });
}

/**
 * 网上诉求: records a citizen's appeal (channel web) with its photos in one transaction and returns
 * the order number and query code. Photo files are written first and removed again if the database
 * work fails, so nothing half-written stays behind.
 */
export async function submitAppeal(deps: Deps, input: PortalAppealInput, photos: PortalPhoto[]): Promise<PortalReceipt> {
  if (input.callerName.trim() === '') throw invalidField('callerName');
  if ((input.lat === undefined) !== (input.lng === undefined)) throw invalidField(input.lat === undefined ? 'lat' : 'lng');
  const centre = await portalCentre(deps);
  const actor = citizenActor(centre.id);
  const checked = checkPhotos(photos, deps.settings.attachmentMaxBytes, centre.id, deps.clock.now().toISOString().slice(0, 7));
  const written: string[] = [];
  try {
    for (const photo of checked) {
      const fullPath = path.join(deps.dataDir, photo.storageKey);
      written.push(fullPath);
      await writeSealedFile(deps.db, fullPath, photo.data);
    }
    return await deps.db.transaction().execute(async (tx) => {
      const order = await acceptOrderInTransaction({ tx, clock: deps.clock, hooks: deps.orderHooks }, actor, {
        channel: 'web',
        appealType: input.appealType,
        categoryId: input.categoryId,
        priority: 3,
        title: input.title,
        content: input.content,
        address: input.address,
        callerName: input.callerName.trim(),
        callerPhone: input.callerPhone,
        callerConfidential: input.confidential ?? false,
        lat: input.lat,
        lng: input.lng,
        ...enterpriseOf(input),
      });
      for (const photo of checked) await recordPhoto(tx, order, photo, actor.label);
      return { orderNo: order.order_no, queryCode: order.query_code, photos: checked.length };
    });
  } catch (error) {
    await Promise.all(written.map((p) => fs.rm(p, { force: true })));
    throw error;
  }
}

/** A company's appeal: the name makes it one; a code without a name is a missing name. */
function enterpriseOf(input: PortalAppealInput) {
  if (input.companyName === undefined && input.creditCode === undefined) return {};
  if (input.companyName === undefined) throw invalidField('companyName');
  if (input.creditCode === undefined) throw invalidField('creditCode');
  return {
    enterprise: { companyName: input.companyName, creditCode: input.creditCode, protectName: input.protectCompany ?? false },
  };
}

type Tx = Parameters<typeof recordOrderEvent>[0];
type NewOrderRow = Awaited<ReturnType<typeof acceptOrderInTransaction>>;

async function recordPhoto(tx: Tx, order: NewOrderRow, photo: CheckedPhoto, label: string) {
  const row = await insertAttachment(tx, {
    id: photo.id,
    orderId: order.id,
    fileName: nameForType(safeName(photo.fileName), photo.contentType),
    contentType: photo.contentType,
    sizeBytes: photo.data.length,
    sha256: createHash('sha256').update(photo.data).digest('hex'),
    storageKey: photo.storageKey,
    by: null,
    at: order.accepted_at,
  });
  await recordOrderEvent(tx, order, {
    kind: 'attach',
    by: { system: label },
    at: order.accepted_at,
    payload: {
      attachmentId: row.id,
      fileName: row.file_name,
      contentType: row.content_type,
      sizeBytes: row.size_bytes,
    },
  });
}
