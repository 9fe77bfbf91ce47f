import type { FastifyRequest } from 'fastify';
import { text } from '../i18n/messages.js';
import { DomainError } from '../shared/errors.js';
import { formChecker, fromForm, readFormParts } from '../shared/form-input.js';
import type { PortalPhoto } from './portal-submit.service.js';
import { MAX_PORTAL_PHOTOS, PortalAppealSchema, type PortalAppealInput } from './portal.schemas.js';

/**
 * Reads a portal appeal from a multipart form (fields + `photos` files) or a JSON body, and checks it
 * against the same TypeBox schema the API documents. Multipart fields arrive as strings, so the body
 * schema of the route cannot check them; this does, naming the field at fault.
 */
const OPTIONAL_TEXT = new Set(['categoryId', 'address', 'companyName', 'creditCode']);
const FORM_KINDS = {
  booleans: new Set(['confidential', 'protectCompany']),
  numbers: new Set(['lat', 'lng']),
  optionalText: OPTIONAL_TEXT,
};

export const validateAppeal: (raw: unknown) => PortalAppealInput = formChecker<PortalAppealInput>(PortalAppealSchema);

const tooMany = () =>
  new DomainError('VALIDATION', text('error.portalTooManyPhotos', { max: MAX_PORTAL_PHOTOS }), { field: 'photos' });

async function readMultipart(request: FastifyRequest, maxBytes: number) {
  const { fields, files } = await readFormParts(request, {
    fileField: 'photos',
    maxFiles: MAX_PORTAL_PHOTOS,
    maxBytes,
    tooMany,
    tooLarge: () =>
      new DomainError('PAYLOAD_TOO_LARGE', text('error.tooLarge', { max: `${Math.round(maxBytes / 1024 / 1024)} MB` }), {
        field: 'photos',
      }),
  });
  const photos: PortalPhoto[] = files.map((f) => ({ fileName: f.fileName, data: f.data }));
  return { input: validateAppeal(fromForm(fields, FORM_KINDS)), photos };
}

/** The appeal and its photos from either kind of request body. */
export async function readAppealRequest(request: FastifyRequest, maxBytes: number) {
  if (request.isMultipart()) return readMultipart(request, maxBytes);
  return { input: validateAppeal(request.body ?? {}), photos: [] as PortalPhoto[] };
}
