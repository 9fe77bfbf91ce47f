import type { FastifyRequest } from 'fastify';
import { GRID_REPORT_MAX_FILES } from '../contract/geo.js';
import { largestUpload, tooLarge, type FileLimits, type UploadedFile } from '../attachments/order-files.js';
import { text } from '../i18n/messages.js';
import { DomainError } from '../shared/errors.js';
import { formChecker, fromForm, readFormParts } from '../shared/form-input.js';
import { GridReportSchema, type GridReportInput } from './grid-report.schemas.js';

/**
 * Reads a grid report from a multipart form (its fields and up to five `files`: photos, short
 * videos) or from a JSON body without files, and checks the fields against the schema the API
 * documents. Multipart fields arrive as strings, so the route's body schema cannot check them; this
 * does, naming the field at fault.
 */
const OPTIONAL_TEXT = new Set(['categoryId', 'address', 'coordSystem']);
const FORM_KINDS = { booleans: new Set(['urgent']), numbers: new Set(['lat', 'lng']), optionalText: OPTIONAL_TEXT };

export const validateReport: (raw: unknown) => GridReportInput = formChecker<GridReportInput>(GridReportSchema);

const tooMany = () =>
  new DomainError('VALIDATION', text('grid.tooManyFiles', { max: GRID_REPORT_MAX_FILES }), { field: 'files' });

async function readMultipart(request: FastifyRequest, limits: FileLimits) {
  const max = largestUpload(limits);
  const { fields, files } = await readFormParts(request, {
    fileField: 'files',
    maxFiles: GRID_REPORT_MAX_FILES,
    maxBytes: max,
    tooMany,
    tooLarge: () => tooLarge('files', max),
  });
  return { input: validateReport(fromForm(fields, FORM_KINDS)), files: files as UploadedFile[] };
}

/** The report and its files from either kind of request body. */
export async function readGridReport(request: FastifyRequest, limits: FileLimits) {
  if (request.isMultipart()) return readMultipart(request, limits);
  return { input: validateReport(request.body ?? {}), files: [] as UploadedFile[] };
}
