import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../http/context.js';
import { noStore, requireActor } from '../http/auth.js';
import { IdParam } from '../shared/schema.js';
import { lookupCatalogue } from './catalogue-lookup.service.js';
import { catalogueReport } from './catalogue-report.service.js';
import {
  CatalogueAnswerSchema,
  CatalogueReportSchema,
  CatalogueRuleHistorySchema,
  CatalogueRuleListSchema,
  CatalogueRuleViewSchema,
  CatalogueSettingsViewSchema,
  EditRuleSchema,
  ExpireRuleSchema,
  LookupSchema,
  NewRuleSchema,
  ReportQuery,
  RuleListQuery,
  SettingsSchema,
} from './catalogue.schemas.js';
import {
  createRule,
  editRule,
  expireRule,
  getCatalogueSettings,
  listRules,
  ruleHistory,
  setCatalogueSettings,
} from './catalogue.service.js';

const tags = ['catalogue'];

/** 派单目录: the rule table (admin), its answer for an appeal, the auto-dispatch switch, the report. */
export const catalogueRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.get(
    '/api/catalogue/rules',
    {
      schema: {
        tags,
        summary: '派单目录 / catalogue rules',
        querystring: RuleListQuery,
        response: { 200: CatalogueRuleListSchema },
      },
    },
    async (request) => listRules(deps, requireActor(request), request.query),
  );
  app.post(
    '/api/catalogue/rules',
    {
      schema: {
        tags,
        summary: '新建规则 / create a rule (409 naming an overlapping rule)',
        body: NewRuleSchema,
        response: { 201: CatalogueRuleViewSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createRule(deps, requireActor(request), request.body)),
  );
  app.put(
    '/api/catalogue/rules/:id',
    {
      schema: {
        tags,
        summary: '修改规则 / edit a rule (new version)',
        params: IdParam,
        body: EditRuleSchema,
        response: { 200: CatalogueRuleViewSchema },
      },
    },
    async (request) => editRule(deps, requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/api/catalogue/rules/:id/expire',
    {
      schema: {
        tags,
        summary: '使规则失效 / end a rule now',
        params: IdParam,
        body: ExpireRuleSchema,
        response: { 200: CatalogueRuleViewSchema },
      },
    },
    async (request) => expireRule(deps, requireActor(request), request.params.id, request.body.version),
  );
  app.get(
    '/api/catalogue/rules/:id/history',
    {
      schema: {
        tags,
        summary: '规则历史版本 / versions of a rule',
        params: IdParam,
        response: { 200: CatalogueRuleHistorySchema },
      },
    },
    async (request) => ruleHistory(deps, requireActor(request), request.params.id),
  );
  app.post(
    '/api/catalogue/lookup',
    {
      schema: {
        tags,
        summary: '派单目录的答复 / the catalogue answer for an appeal',
        body: LookupSchema,
        response: { 200: CatalogueAnswerSchema },
      },
    },
    async (request, reply) => {
      noStore(reply);
      return lookupCatalogue(deps, requireActor(request), request.body);
    },
  );
  app.get(
    '/api/catalogue/settings',
    { schema: { tags, summary: '自动派单开关 / auto-dispatch switch', response: { 200: CatalogueSettingsViewSchema } } },
    async (request) => getCatalogueSettings(deps, requireActor(request)),
  );
  app.put(
    '/api/catalogue/settings',
    {
      schema: {
        tags,
        summary: '设置自动派单 / set auto-dispatch',
        body: SettingsSchema,
        response: { 200: CatalogueSettingsViewSchema },
      },
    },
    async (request) => setCatalogueSettings(deps, requireActor(request), request.body),
  );
  app.get(
    '/api/catalogue/report',
    {
      schema: {
        tags,
        summary: '遵循率与回退率 / follow share and return rate per rule',
        querystring: ReportQuery,
        response: { 200: CatalogueReportSchema },
      },
    },
    async (request) => catalogueReport(deps, requireActor(request), request.query),
  );
};
