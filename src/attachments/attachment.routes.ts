import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../http/context.js';
import { requireActor } from '../http/auth.js';
import { presentAttachment } from './attachment.presenter.js';
import { addAttachment, openAttachment } from './attachment.service.js';
import { readOneFile } from './upload-reader.js';
import { IdParam, OrderRefParam } from '../shared/schema.js';
import { AttachmentViewSchema } from '../orders/order-views.schemas.js';
import { FileSchema } from '../shared/wire-schema.js';

export const attachmentRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.post(
    '/api/orders/:id/attachments',
    {
      schema: {
        tags: ['attachments'],
        summary: '上传附件（multipart，字段 file；图片、PDF、音频、短视频）/ upload attachment (videos: their own size limit)',
        consumes: ['multipart/form-data'],
        params: OrderRefParam,
        response: { 201: AttachmentViewSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const file = await readOneFile(request, 'file', deps.settings);
      const row = await addAttachment(deps, actor, request.params.id, file);
      return reply.status(201).send(presentAttachment(row));
    },
  );

  app.get(
    '/api/attachments/:id',
    {
      schema: {
        tags: ['attachments'],
        summary: '下载附件 / download',
        params: IdParam,
        response: { 200: FileSchema('附件原文件 / the stored file, as uploaded') },
      },
    },
    async (request, reply) => {
      const file = await openAttachment(deps, requireActor(request), request.params.id);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .send(file.data);
    },
  );
};
