import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../http/context.js';
import { noStore, requireActor } from '../http/auth.js';
import { presentCall } from './call.presenter.js';
import {
  CallEventSchema,
  CallIdParam,
  CallLinkSchema,
  CallRecordViewSchema,
  CurrentCallSchema,
  OrderCallsSchema,
  ScreenPopViewSchema,
  type CallEventInput,
} from './call.schemas.js';
import { linkCallToOrder, recordCallEvent, resolveCallReporter } from './call.service.js';
import { loadVisibleOrder } from '../orders/order-query.service.js';
import { OrderRefParam } from '../shared/schema.js';
import { getCurrentCall, getScreenPop, listOrderCalls } from './screen-pop.service.js';

const bearer = (request: FastifyRequest) => {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7) : undefined;
};

/**
 * Call records from the telephone system. `public: true` only lets the request past the session
 * check: the handler accepts the CTI's bearer token (LIANXIN_CTI_TOKEN) or an operator's session.
 */
export const callRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps, config }) => {
  const reporter = (request: FastifyRequest) =>
    resolveCallReporter(deps, {
      bearer: bearer(request),
      ctiToken: config.ctiToken,
      actor: request.actor,
    });

  app.post(
    '/api/calls',
    {
      config: { public: true },
      schema: {
        tags: ['calls'],
        summary: '来电事件（CTI）/ record a call event from the telephone system',
        body: CallEventSchema,
        response: { 200: CallRecordViewSchema },
      },
    },
    async (request) => presentCall(await recordCallEvent(deps, await reporter(request), request.body as CallEventInput)),
  );

  app.post(
    '/api/calls/:id/link',
    {
      config: { public: true },
      schema: {
        tags: ['calls'],
        summary: '来电关联工单 / link a call to an order',
        params: CallIdParam,
        body: CallLinkSchema,
        response: { 200: CallRecordViewSchema },
      },
    },
    async (request) => {
      const { call, orderIds } = await linkCallToOrder(deps, await reporter(request), request.params.id, request.body.orderId);
      return presentCall(call, orderIds);
    },
  );

  // Screen-pop (ADR 0080): the console polls the operator's current call and opens the intake with it.
  app.get(
    '/api/calls/current',
    { schema: { tags: ['calls'], summary: '当前来电 / my current call', response: { 200: CurrentCallSchema } } },
    async (request) => ({
      call: await getCurrentCall(deps, requireActor(request)),
    }),
  );

  app.get(
    '/api/calls/:id/screen-pop',
    {
      schema: {
        tags: ['calls'],
        summary: '来电弹屏 / what intake opens with for a call',
        params: CallIdParam,
        response: { 200: ScreenPopViewSchema },
      },
    },
    async (request, reply) => {
      noStore(reply);
      return getScreenPop(deps, requireActor(request), request.params.id);
    },
  );

  app.get(
    '/api/orders/:id/calls',
    {
      schema: {
        tags: ['calls'],
        summary: '工单关联来电 / calls linked to an order',
        params: OrderRefParam,
        response: { 200: OrderCallsSchema },
      },
    },
    async (request) => {
      const order = await loadVisibleOrder(deps, requireActor(request), request.params.id);
      return { items: await listOrderCalls(deps, order.id) };
    },
  );
};
