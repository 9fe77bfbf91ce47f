import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { noStore, requireActor } from '../http/auth.js';
import type { AppContext } from '../http/context.js';
import { checkDuplicates, duplicatesOfOrder } from './duplicate-query.service.js';
import { IdParam } from '../shared/schema.js';
import { getDuplicateRadii, setCategoryRadius, setDefaultDuplicateRadius } from './duplicate-settings.service.js';
import {
  CategoryRadiusBody,
  DefaultRadiusBody,
  DuplicateCheckSchema,
  DuplicateCheckViewSchema,
  DuplicateRadiusViewSchema,
  OrderDuplicatesViewSchema,
  OrderIdParam,
} from './duplicate.schemas.js';

const tags = ['duplicates'];

export const duplicateRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.get(
    '/api/orders/:id/duplicates',
    {
      schema: {
        tags,
        summary: '疑似重复件 / duplicate candidates of an order (score + reasons)',
        params: OrderIdParam,
        response: { 200: OrderDuplicatesViewSchema },
      },
    },
    async (request) => duplicatesOfOrder(deps, requireActor(request), request.params.id),
  );
  app.post(
    '/api/duplicates/check',
    {
      schema: {
        tags,
        summary: '受理时查重 / duplicate candidates for the appeal being typed',
        body: DuplicateCheckSchema,
        response: { 200: DuplicateCheckViewSchema },
      },
    },
    async (request, reply) => {
      noStore(reply);
      return checkDuplicates(deps, requireActor(request), request.body);
    },
  );
  // The radius within which an earlier appeal is nearby (ADR 0203): the centre's, and per category.
  app.get(
    '/api/duplicates/radius',
    {
      schema: {
        tags,
        summary: '查重距离 / duplicate radius (centre and categories)',
        response: { 200: DuplicateRadiusViewSchema },
      },
    },
    async (request) => getDuplicateRadii(deps, requireActor(request)),
  );
  app.put(
    '/api/duplicates/radius',
    {
      schema: {
        tags,
        summary: '设置中心查重距离 / set the centre’s duplicate radius',
        body: DefaultRadiusBody,
        response: { 200: DuplicateRadiusViewSchema },
      },
    },
    async (request) => setDefaultDuplicateRadius(deps, requireActor(request), request.body.radiusMetres),
  );
  app.put(
    '/api/duplicates/radius/categories/:id',
    {
      schema: {
        tags,
        summary: '设置分类查重距离 / set a category’s duplicate radius (null: inherit)',
        params: IdParam,
        body: CategoryRadiusBody,
        response: { 200: DuplicateRadiusViewSchema },
      },
    },
    async (request) => setCategoryRadius(deps, requireActor(request), request.params.id, request.body.radiusMetres),
  );
};
