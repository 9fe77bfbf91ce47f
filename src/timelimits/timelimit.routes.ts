import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../http/context.js';
import { requireActor } from '../http/auth.js';
import {
  applyBanbuchengPreset,
  changePolicy,
  createPolicy,
  explainOrderDeadlines,
  type PolicyChange,
  type PolicyInput,
  listPolicies,
  removePolicy,
  setEscalationSettings,
} from './timelimit-admin.service.js';
import {
  EscalationSettingsSchema,
  IdParam,
  OrderParam,
  PolicyCreateSchema,
  PolicyUpdateSchema,
  NoContent,
  PresetSchema,
  TimeLimitViewSchemas as Views,
} from './timelimit.schemas.js';

const tags = ['time limits'];

/** Time-limit rules (admin), escalation settings, and how an order's deadlines were computed. */
export const timelimitRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.get(
    '/api/timelimits/policies',
    { schema: { tags, summary: '时限规则 / time-limit rules', response: { 200: Views.policies } } },
    async (request) => listPolicies(deps, requireActor(request)),
  );
  app.post(
    '/api/timelimits/policies',
    { schema: { tags, summary: '新增时限规则 / add a rule (admin)', body: PolicyCreateSchema, response: { 201: Views.rule } } },
    async (request, reply) =>
      reply.status(201).send(await createPolicy(deps, requireActor(request), request.body as PolicyInput)),
  );
  app.put(
    '/api/timelimits/policies/:id',
    {
      schema: {
        tags,
        summary: '修改时限规则 / change a rule (admin)',
        params: IdParam,
        body: PolicyUpdateSchema,
        response: { 200: Views.rule },
      },
    },
    async (request) => changePolicy(deps, requireActor(request), request.params.id, request.body as PolicyChange),
  );
  app.delete(
    '/api/timelimits/policies/:id',
    { schema: { tags, summary: '停用时限规则 / retire a rule (admin)', params: IdParam, response: { 204: NoContent } } },
    async (request, reply) => {
      await removePolicy(deps, requireActor(request), request.params.id);
      return reply.status(204).send();
    },
  );
  app.post(
    '/api/timelimits/presets/banbucheng',
    {
      schema: {
        tags,
        summary: '办不成事时限（即办/2/5 个工作日）/ apply the 办不成事 window',
        body: PresetSchema,
        response: { 201: Views.presetRules },
      },
    },
    async (request, reply) =>
      reply.status(201).send({ rules: await applyBanbuchengPreset(deps, requireActor(request), request.body.categoryId) }),
  );
  app.put(
    '/api/timelimits/settings',
    {
      schema: {
        tags,
        summary: '预警与督办设置 / warning and escalation settings (admin)',
        body: EscalationSettingsSchema,
        response: { 200: Views.settings },
      },
    },
    async (request) => setEscalationSettings(deps, requireActor(request), request.body),
  );
  app.get(
    '/api/orders/:id/deadlines',
    {
      schema: {
        tags,
        summary: '工单时限及计算过程 / deadlines of an order, explained',
        params: OrderParam,
        response: { 200: Views.explanation },
      },
    },
    async (request) => explainOrderDeadlines(deps, requireActor(request), request.params.id),
  );
};
