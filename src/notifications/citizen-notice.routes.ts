import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { CitizenNoticeSettingsView, CitizenOptOutView } from '../contract/citizen-notices.js';
import type { AppContext } from '../http/context.js';
import { noStore, requireActor } from '../http/auth.js';
import { OrderRefParam } from '../shared/schema.js';
import { domainError } from '../shared/errors.js';
import {
  getCitizenContact,
  getCitizenNoticeSettings,
  listCitizenNoticesFor,
  listCitizenOptOutsFor,
  listCitizenTemplates,
  putCitizenContact,
  putCitizenNoticeSettings,
  putCitizenTemplate,
  receiveDeliveryReport,
  setCitizenOptOut,
} from './citizen-notice-admin.service.js';
import {
  CitizenContactSchema,
  CitizenNoticeListSchema,
  CitizenNoticeQuery,
  CitizenNoticeSettingsSchema,
  CitizenTemplateListSchema,
  ContactBody,
  OptOutListSchema,
  OptOutQuery,
  OptOutSchema,
  ReportAnswerSchema,
  ReportBody,
  ReportParams,
  ReportQuery,
  TemplateBody,
  TemplateKeyParams,
} from './citizen-notice.schemas.js';

const tags = ['citizen-notices'];

/** 群众通知 (issue 16): the staff outbox page, settings, templates, opt-outs, a caller's contact, delivery reports. */
export const citizenNoticeRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps, config }) => {
  app.get(
    '/api/citizen-notices',
    {
      schema: {
        tags,
        summary: '群众通知发件箱 / notices to citizens',
        querystring: CitizenNoticeQuery,
        response: { 200: CitizenNoticeListSchema },
      },
    },
    async (request, reply) => {
      noStore(reply);
      return listCitizenNoticesFor(
        deps,
        config,
        requireActor(request),
        request.query as Parameters<typeof listCitizenNoticesFor>[3],
      );
    },
  );
  app.get(
    '/api/citizen-notices/settings',
    { schema: { tags, summary: '群众通知设置 / settings', response: { 200: CitizenNoticeSettingsSchema } } },
    async (request) => getCitizenNoticeSettings(deps, requireActor(request)),
  );
  app.put(
    '/api/citizen-notices/settings',
    {
      schema: {
        tags,
        summary: '修改群众通知设置 / change settings',
        body: CitizenNoticeSettingsSchema,
        response: { 200: CitizenNoticeSettingsSchema },
      },
    },
    async (request) => putCitizenNoticeSettings(deps, requireActor(request), request.body as CitizenNoticeSettingsView),
  );
  app.get(
    '/api/citizen-notices/templates',
    { schema: { tags, summary: '通知模板 / templates', response: { 200: CitizenTemplateListSchema } } },
    async (request) => listCitizenTemplates(deps, requireActor(request)),
  );
  app.put(
    '/api/citizen-notices/templates/:event/:channel/:lang',
    {
      schema: {
        tags,
        summary: '修改通知模板 / write a template (body null: the built-in text)',
        params: TemplateKeyParams,
        body: TemplateBody,
        response: { 200: CitizenTemplateListSchema },
      },
    },
    async (request) =>
      putCitizenTemplate(deps, requireActor(request), request.params as Parameters<typeof putCitizenTemplate>[2], request.body),
  );
  app.post(
    '/api/citizen-notices/opt-outs',
    {
      schema: {
        tags,
        summary: '退订/恢复通知 / a citizen opts out (or back in)',
        body: OptOutSchema,
        response: { 200: OptOutSchema },
      },
    },
    async (request) => setCitizenOptOut(deps, requireActor(request), request.body as CitizenOptOutView),
  );
  app.get(
    '/api/citizen-notices/opt-outs',
    {
      schema: {
        tags,
        summary: '已退订的号码 / opted-out phones and e-mails (search by one whole address: a logged access)',
        querystring: OptOutQuery,
        response: { 200: OptOutListSchema },
      },
    },
    async (request, reply) => {
      noStore(reply);
      return listCitizenOptOutsFor(deps, requireActor(request), request.query as { q?: string; limit?: number });
    },
  );
  app.get(
    '/api/orders/:id/citizen-contact',
    {
      schema: {
        tags,
        summary: '来电人通知方式 / how the caller is told',
        params: OrderRefParam,
        response: { 200: CitizenContactSchema },
      },
    },
    async (request) => getCitizenContact(deps, requireActor(request), request.params.id),
  );
  app.put(
    '/api/orders/:id/citizen-contact',
    {
      schema: {
        tags,
        summary: '设置来电人邮箱、语言、同意的通知 / set the caller’s e-mail, language, consent',
        params: OrderRefParam,
        body: ContactBody,
        response: { 200: CitizenContactSchema },
      },
    },
    async (request) =>
      putCitizenContact(deps, requireActor(request), request.params.id, request.body as Parameters<typeof putCitizenContact>[3]),
  );

  // Delivery reports: signed by the gateway (HMAC over the exact bytes) or carrying the configured token.
  await app.register(async (reports) => {
    reports.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
      (request as { rawBody?: string }).rawBody = String(body);
      try {
        done(null, JSON.parse(String(body)) as unknown);
      } catch {
        done(domainError('VALIDATION', 'error.malformedBody', { field: 'body' }, { field: 'body' }), undefined);
      }
    });
    reports.post(
      '/api/citizen-notices/reports/:provider',
      {
        config: { public: true },
        schema: {
          tags,
          summary: '短信状态回执 / a provider’s delivery report',
          params: ReportParams,
          querystring: ReportQuery,
          body: ReportBody,
          response: { 200: ReportAnswerSchema },
        },
      },
      async (request) => {
        const applied = await receiveDeliveryReport(deps, config, {
          provider: (request.params as { provider: string }).provider,
          raw: (request as { rawBody?: string }).rawBody ?? JSON.stringify(request.body),
          timestamp: request.headers['x-timestamp'] as string | undefined,
          signature: request.headers['x-signature'] as string | undefined,
          token: (request.query as { token?: string }).token,
        });
        if (applied === null) throw domainError('FORBIDDEN', 'error.forbidden');
        return { code: 0, msg: '成功', applied };
      },
    );
  });
};
