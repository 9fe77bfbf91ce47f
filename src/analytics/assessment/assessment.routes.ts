import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../http/context.js';
import { requireActor } from '../../http/auth.js';
import { getAssessmentConfig, getAssessmentHistory, updateAssessmentConfig } from './assessment-admin.service.js';
import { decideAssessmentAppeal, excludeOrder, fileAppeal, listAssessmentAppeals } from './assessment-review.service.js';
import { freezeMonth, getMonthAssessment } from './assessment.service.js';
import {
  AppealListQuerySchema,
  AppealSchema,
  ConfigSchema,
  DecisionSchema,
  ExclusionSchema,
  HistoryQuerySchema,
  MonthParams,
} from './assessment.schemas.js';
import { IdParam } from '../../shared/schema.js';
import { AssessmentViewSchemas as Views } from '../analytics-views.schemas.js';

const tags = ['assessment'];

export const assessmentRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.get(
    '/api/assessment/months/:month',
    {
      schema: {
        tags,
        summary: '月度考核排名（冻结或实时）/ monthly unit ranking',
        params: MonthParams,
        response: { 200: Views.month },
      },
    },
    async (request) => getMonthAssessment(deps, requireActor(request), request.params.month),
  );
  app.post(
    '/api/assessment/months/:month/freeze',
    { schema: { tags, summary: '冻结月度考核 / freeze the month', params: MonthParams, response: { 201: Views.month } } },
    async (request, reply) => reply.status(201).send(await freezeMonth(deps, requireActor(request), request.params.month)),
  );
  app.get(
    '/api/assessment/history',
    {
      schema: {
        tags,
        summary: '考核历史 / frozen scores over months',
        querystring: HistoryQuerySchema,
        response: { 200: Views.history },
      },
    },
    async (request) =>
      getAssessmentHistory(deps, requireActor(request), { ...request.query, months: request.query.months ?? 12 }),
  );
  app.get(
    '/api/assessment/config',
    { schema: { tags, summary: '考核指标与权重 / indicators and weights', response: { 200: Views.config } } },
    async (request) => getAssessmentConfig(deps, requireActor(request)),
  );
  app.put(
    '/api/assessment/config',
    {
      schema: {
        tags,
        summary: '设置考核指标、权重、扣分 / set indicators, weights, points',
        body: ConfigSchema,
        response: { 200: Views.config },
      },
    },
    async (request) => updateAssessmentConfig(deps, requireActor(request), request.body),
  );
  app.post(
    '/api/assessment/exclusions',
    {
      schema: {
        tags,
        summary: '认定不合理诉求（不计入考核）/ exclude an unreasonable appeal',
        body: ExclusionSchema,
        response: { 201: Views.exclusion },
      },
    },
    async (request, reply) => reply.status(201).send(await excludeOrder(deps, requireActor(request), request.body)),
  );
  app.get(
    '/api/assessment/appeals',
    { schema: { tags, summary: '申诉列表 / appeals', querystring: AppealListQuerySchema, response: { 200: Views.appeals } } },
    async (request) => listAssessmentAppeals(deps, requireActor(request), request.query),
  );
  app.post(
    '/api/assessment/appeals',
    { schema: { tags, summary: '单位申诉 / a unit appeals one order', body: AppealSchema, response: { 201: Views.appeal } } },
    async (request, reply) => reply.status(201).send(await fileAppeal(deps, requireActor(request), request.body)),
  );
  app.post(
    '/api/assessment/appeals/:id/decision',
    {
      schema: {
        tags,
        summary: '处理申诉 / decide an appeal',
        params: IdParam,
        body: DecisionSchema,
        response: { 200: Views.appeal },
      },
    },
    async (request) => decideAssessmentAppeal(deps, requireActor(request), { appealId: request.params.id, ...request.body }),
  );
};
