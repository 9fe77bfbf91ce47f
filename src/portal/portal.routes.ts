import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { APPEAL_TYPES } from '../orders/order.constants.js';
import { listCategories } from '../org/catalog.repository.js';
import type { AppContext } from '../http/context.js';
import { noStore } from '../http/auth.js';
import { portalLimiter } from './portal-limit.hook.js';
import { readAppealRequest } from './portal-input.js';
import { submitAppeal } from './portal-submit.service.js';
import { lookupAppeal, openCitizenPhoto, portalCentre, rateAppeal } from './portal.service.js';
import {
  PortalInfoSchema,
  MAX_PORTAL_PHOTOS,
  PortalKeySchema,
  PortalProgressSchema,
  PortalRatingSchema,
  type PortalRatingInput,
  PortalReceiptSchema,
} from './portal.schemas.js';
import { IdParam } from '../shared/schema.js';
import type { PortalInfo } from '../contract/portal-views.js';
import { FileSchema } from '../shared/wire-schema.js';

/** The public citizen portal: no sign-in; every call is limited per client IP (ADR 0031). */
export const portalRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps, config }) => {
  const limited = portalLimiter(deps, config);
  const base = { public: true } as const;

  app.get(
    '/api/portal/info',
    {
      config: base,
      schema: { tags: ['portal'], summary: '网上诉求基础信息 / portal info', response: { 200: PortalInfoSchema } },
    },
    async (): Promise<PortalInfo> => {
      const centre = await portalCentre(deps);
      const categories = await listCategories(deps.db, centre.id);
      return {
        centreName: centre.name,
        appealTypes: APPEAL_TYPES,
        categories: categories
          .filter((c) => c.active)
          .map((c) => ({ id: c.id, parentId: c.parent_id, name: c.name, level: c.level, aliases: c.aliases })),
        maxPhotos: MAX_PORTAL_PHOTOS,
        maxPhotoBytes: deps.settings.attachmentMaxBytes,
        /** Whether "my appeals" by a phone code can be used here (ADR 0104). */
        myAppeals: config.devLogOtp || config.notices.sms !== undefined,
        map: config.map,
      };
    },
  );

  app.post(
    '/api/portal/appeals',
    {
      config: base,
      onRequest: limited('submit'),
      schema: {
        tags: ['portal'],
        summary: '提交诉求 / submit an appeal',
        description:
          'multipart/form-data: the fields of PortalAppeal (appealType, categoryId, title, content, address, callerName, callerPhone, confidential) and up to 5 files named `photos`; or a JSON body with the same fields and no photos.',
        consumes: ['multipart/form-data', 'application/json'],
        response: { 201: PortalReceiptSchema },
      },
    },
    async (request, reply) => {
      const { input, photos } = await readAppealRequest(request, deps.settings.attachmentMaxBytes);
      const receipt = await submitAppeal(deps, input, photos);
      return noStore(reply).status(201).send(receipt);
    },
  );

  app.post(
    '/api/portal/lookup',
    {
      config: base,
      onRequest: limited('lookup'),
      schema: {
        tags: ['portal'],
        summary: '查询诉求进度 / look up an appeal',
        body: PortalKeySchema,
        response: { 200: PortalProgressSchema },
      },
    },
    async (request, reply) => noStore(reply).send(await lookupAppeal(deps, request.body)),
  );

  app.post(
    '/api/portal/rating',
    {
      config: base,
      onRequest: limited('lookup'),
      schema: {
        tags: ['portal'],
        summary: '评价（回访）/ rate the outcome',
        body: PortalRatingSchema,
        response: { 200: PortalProgressSchema },
      },
    },
    async (request, reply) => noStore(reply).send(await rateAppeal(deps, request.body as PortalRatingInput)),
  );

  app.post(
    '/api/portal/photos/:id',
    {
      config: base,
      onRequest: limited('lookup'),
      schema: {
        tags: ['portal'],
        summary: '查看自己上传的照片 / one of my photos',
        params: IdParam,
        body: PortalKeySchema,
        response: { 200: FileSchema('照片原文件 / the photo, as uploaded') },
      },
    },
    async (request, reply) => {
      const photo = await openCitizenPhoto(deps, request.body, request.params.id);
      return noStore(reply)
        .header('content-type', photo.contentType)
        .header('x-content-type-options', 'nosniff')
        .send(photo.data);
    },
  );
};
