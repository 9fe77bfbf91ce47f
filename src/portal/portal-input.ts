import { Ajv, type ErrorObject } from 'ajv';
import type { FastifyRequest } from 'fastify';
import { text } from '../i18n/messages.js';
import { DomainError, invalidField } from '../shared/errors.js';
import type { PortalPhoto } from './portal-submit.service.js';
import { MAX_PORTAL_PHOTOS, PortalAppealSchema, type PortalAppealInput } from './portal.schemas.js';

/**
 * Reads a portal appeal from a multipart form (fields + `photos` files) or a JSON body, and checks it
 * against the same TypeBox schema the API documents. Multipart fields arrive as strings, so the body
 * schema of the route cannot check them; this does, naming the field at fault.
 */
const ajv = new Ajv({ allErrors: false, strict: false });
const checkAppeal = ajv.compile<PortalAppealInput>(PortalAppealSchema);

function fieldOf(error: ErrorObject | undefined): string {
  if (!error) return 'body';
  const params = error.params as Record<string, unknown>;
  const extra = (params.missingProperty ?? params.additionalProperty) as string | undefined;
  return extra ?? (error.instancePath.replace(/^\//, '').replace(/\//g, '.') || 'body');
}

const OPTIONAL_TEXT = new Set(['categoryId', 'address', 'companyName', 'creditCode']);

/** Form conventions: empty optional fields are absent, checkboxes send "true"/"on". */
function fromForm(fields: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (name === 'confidential' || name === 'protectCompany') out[name] = ['true', 'on', '1'].includes(value);
    else if (!(value === '' && OPTIONAL_TEXT.has(name))) out[name] = value;
  }
  return out;
}

export function validateAppeal(raw: unknown): PortalAppealInput {
  if (!checkAppeal(raw)) throw invalidField(fieldOf(checkAppeal.errors?.[0]));
  return raw;
}

const tooMany = () =>
  new DomainError('VALIDATION', text('error.portalTooManyPhotos', { max: MAX_PORTAL_PHOTOS }), { field: 'photos' });

async function readMultipart(request: FastifyRequest, maxBytes: number) {
  const fields: Record<string, string> = {};
  const photos: PortalPhoto[] = [];
  try {
    for await (const part of request.parts({ limits: { files: MAX_PORTAL_PHOTOS + 1, fileSize: maxBytes } })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'photos') throw invalidField(part.fieldname);
        const data = await part.toBuffer();
        if (photos.length >= MAX_PORTAL_PHOTOS) throw tooMany();
        photos.push({ fileName: part.filename, data });
      } else {
        if (part.fieldname in fields) throw invalidField(part.fieldname, 'repeated');
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_FILES_LIMIT') throw tooMany();
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      const max = `${Math.round(maxBytes / 1024 / 1024)} MB`;
      throw new DomainError('PAYLOAD_TOO_LARGE', text('error.tooLarge', { max }), { field: 'photos' });
    }
    throw error;
  }
  return { input: validateAppeal(fromForm(fields)), photos };
}

/** The appeal and its photos from either kind of request body. */
export async function readAppealRequest(request: FastifyRequest, maxBytes: number) {
  if (request.isMultipart()) return readMultipart(request, maxBytes);
  return { input: validateAppeal(request.body ?? {}), photos: [] as PortalPhoto[] };
}
