import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../http/context.js';
import { noStore, requireActor } from '../http/auth.js';
import { acceptOrder } from './order-intake.service.js';
import { getOrderDetail, getOrderTimeline, listOrdersFor } from './order-query.service.js';
import { presentOrder } from './order.presenter.js';
import { NewOrderSchema, OrderListQuerySchema, type NewOrderInput } from './order.schemas.js';
import { OrderRefParam } from '../shared/schema.js';
import { OrderDetailViewSchema, OrderListViewSchema, OrderViewSchema, TimelineViewSchema } from './order-views.schemas.js';

const IdParam = OrderRefParam;

export const orderRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.post(
    '/api/orders',
    {
      schema: {
        tags: ['orders'],
        summary: '受理工单 / accept an appeal',
        body: NewOrderSchema,
        response: { 201: OrderViewSchema },
      },
    },
    async (request, reply) => {
      const order = await acceptOrder(deps, requireActor(request), request.body as NewOrderInput);
      return reply.status(201).send(presentOrder(order, { unmasked: true, now: deps.clock.now() }));
    },
  );

  app.get(
    '/api/orders',
    {
      schema: {
        tags: ['orders'],
        summary: '工单列表 / list orders',
        querystring: OrderListQuerySchema,
        response: { 200: OrderListViewSchema },
      },
    },
    async (request) => listOrdersFor(deps, requireActor(request), request.query),
  );

  app.get(
    '/api/orders/:id',
    {
      schema: { tags: ['orders'], summary: '工单详情 / order detail', params: IdParam, response: { 200: OrderDetailViewSchema } },
    },
    async (request, reply) => {
      noStore(reply);
      return getOrderDetail(deps, requireActor(request), request.params.id);
    },
  );

  app.get(
    '/api/orders/:id/timeline',
    { schema: { tags: ['orders'], summary: '全程轨迹 / full timeline', params: IdParam, response: { 200: TimelineViewSchema } } },
    async (request) => getOrderTimeline(deps, requireActor(request), request.params.id),
  );
};
