import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { IMPORT_MAX_BYTES } from '../contract/imports.js';
import type { AppContext } from '../http/context.js';
import { requireActor } from '../http/auth.js';
import { invalidField } from '../shared/errors.js';
import { assertSafeInput } from '../shared/safe-input.js';
import { IdParam } from '../shared/schema.js';
import {
  ImportPreviewViewSchema,
  ImportReportViewSchema,
  ImportRunListSchema,
  ImportRunViewSchema,
  ImportStartViewSchema,
  parseImportMapping,
} from './import.schemas.js';
import { getImportRunFor, importOrders, listImportRunsFor, previewImportFile, startImportRun } from './order-import.service.js';

/** The file and the text fields of a multipart upload (fields: file, mapping, dryRun, sheet). */
async function readUpload(request: FastifyRequest) {
  const fields: Record<string, string> = {};
  let file: { fileName: string; bytes: Uint8Array } | null = null;
  for await (const part of request.parts({
    limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 5, fieldSize: 2 * 1024 * 1024 },
  })) {
    if (part.type === 'file') {
      assertSafeInput(part.filename, 'file');
      file = { fileName: part.filename || 'upload', bytes: new Uint8Array(await part.toBuffer()) };
    } else if (typeof part.value === 'string') {
      assertSafeInput(part.value, part.fieldname);
      fields[part.fieldname] = part.value;
    }
  }
  if (!file || file.bytes.length === 0) throw invalidField('file');
  return { file, fields };
}

function mappingOf(text: string | undefined) {
  if (text === undefined) throw invalidField('mapping');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw invalidField('mapping', 'json');
  }
  return parseImportMapping(json);
}

export const importRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  // Runs started from the console write their batches after the answer. Closing the server stops
  // each after its current batch and waits for it: the checkpoint is committed, the run resumes later.
  const running = new Set<Promise<unknown>>();
  let closing = false;
  app.addHook('onClose', async () => {
    closing = true;
    await Promise.allSettled([...running]);
  });

  app.post(
    '/api/import/orders/preview',
    {
      schema: {
        tags: ['import'],
        summary: '导入文件预览：列名与前几行（multipart：file，可选 sheet）/ columns and first rows of an import file',
        consumes: ['multipart/form-data'],
        response: { 200: ImportPreviewViewSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { file, fields } = await readUpload(request);
      return previewImportFile(actor, { ...file, sheet: fields.sheet || undefined });
    },
  );

  app.post(
    '/api/import/orders',
    {
      schema: {
        tags: ['import'],
        summary: '导入历史工单：试运行或正式导入（multipart：file、mapping JSON、dryRun）/ dry run or import (ADR 0183)',
        consumes: ['multipart/form-data'],
        response: { 200: ImportReportViewSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { file, fields } = await readUpload(request);
      const dryRun = fields.dryRun ?? 'true';
      if (dryRun !== 'true' && dryRun !== 'false') throw invalidField('dryRun');
      return importOrders(deps, actor, { ...file, mapping: mappingOf(fields.mapping), dryRun: dryRun === 'true' });
    },
  );

  app.post(
    '/api/import/runs',
    {
      schema: {
        tags: ['import'],
        summary:
          '开始导入（multipart：file、mapping JSON）：整份检查后立即应答，分批写入在后台进行 / start an import: checked, then written in the background (poll the run)',
        consumes: ['multipart/form-data'],
        response: { 202: ImportStartViewSchema, 200: ImportStartViewSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { file, fields } = await readUpload(request);
      const started = await startImportRun(deps, actor, {
        ...file,
        mapping: mappingOf(fields.mapping),
        dryRun: false,
        shouldStop: () => closing,
      });
      const tracked = started.work
        .catch((err: unknown) => request.log.error({ err, runId: started.run?.id }, 'import run failed'))
        .finally(() => running.delete(tracked));
      running.add(tracked);
      return reply.status(started.run ? 202 : 200).send({ report: started.report, run: started.run });
    },
  );

  app.get(
    '/api/import/runs/:id',
    {
      schema: {
        tags: ['import'],
        summary: '一次导入的进度与结果 / one import run: its checkpoint, counts and state',
        params: IdParam,
        response: { 200: ImportRunViewSchema },
      },
    },
    async (request) => getImportRunFor(deps, requireActor(request), request.params.id),
  );

  app.get(
    '/api/import/runs',
    { schema: { tags: ['import'], summary: '导入记录 / import runs', response: { 200: ImportRunListSchema } } },
    async (request) => ({ runs: await listImportRunsFor(deps, requireActor(request)) }),
  );
};
