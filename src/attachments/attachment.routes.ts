import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../http/context.js';
import { requireActor } from '../http/auth.js';
import { invalidField } from '../shared/errors.js';
import { presentAttachment } from './attachment.presenter.js';
import { addAttachment, openAttachment } from './attachment.service.js';
import { IdParam, OrderRefParam } from '../shared/schema.js';

export const attachmentRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.post(
    '/api/orders/:id/attachments',
    {
      schema: {
        tags: ['attachments'],
        summary: '上传附件（multipart，字段 file）/ upload attachment',
        consumes: ['multipart/form-data'],
        params: OrderRefParam,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const file = await request.file();
      if (!file) throw invalidField('file');
      const data = await file.toBuffer();
      const row = await addAttachment(deps, actor, request.params.id, {
        fileName: file.filename,
        declaredType: file.mimetype,
        data,
      });
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
