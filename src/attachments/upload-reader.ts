import type { FastifyRequest } from 'fastify';
import { invalidField } from '../shared/errors.js';
import { assertSafeInput } from '../shared/safe-input.js';
import { largestUpload, tooLarge, type FileLimits, type UploadedFile } from './order-files.js';

/**
 * The one file of a multipart upload (form field `field`). The stream is let through up to the
 * larger of the two limits (a video may be bigger than a photo); the limit of the file's own type is
 * checked once its bytes are known (checkFile). Beyond the larger limit: 413 naming the field.
 */
export async function readOneFile(request: FastifyRequest, field: string, limits: FileLimits): Promise<UploadedFile> {
  const max = largestUpload(limits);
  const file = await request.file({ limits: { fileSize: max } });
  if (!file) throw invalidField(field);
  assertSafeInput(file.filename, field);
  try {
    return { fileName: file.filename, declaredType: file.mimetype, data: await file.toBuffer() };
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(field, max);
    throw error;
  }
}
