import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ActivityKind } from '../contract/points.js';
import type { AppContext } from '../http/context.js';
import { noStore, requireActor } from '../http/auth.js';
import { IdParam } from '../shared/schema.js';
import { NoContent } from '../shared/wire-schema.js';
import { registerResident } from '../residents/resident.service.js';
import {
  addPointsRule,
  awardPoints,
  correctEntry,
  getPointsSettings,
  household,
  ledgerOf,
  pointsRules,
  residentsFor,
  setPointsSettings,
  statement,
  switchPointsRule,
} from './points.service.js';
import { addShop, addShopItem, redeemAtShop, restockItem, shopsFor } from './shop.service.js';
import * as S from './points.schemas.js';

const tags = ['points'];

/** 积分 and 爱心超市, the staff side (issue 19, ADR 0188). */
export const pointsRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.get(
    '/api/points/rules',
    { schema: { tags, summary: '积分规则 / points rules', response: { 200: S.RulesOut } } },
    async (request, reply) => noStore(reply).send(await pointsRules(deps, requireActor(request))),
  );
  app.post(
    '/api/points/rules',
    { schema: { tags, summary: '新增积分规则 / add a points rule', body: S.RuleIn, response: { 201: S.CreatedOut } } },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await addPointsRule(
            deps,
            requireActor(request),
            request.body as { activityKind: ActivityKind; name: string; points: number },
          ),
        ),
  );
  app.get(
    '/api/points/settings',
    { schema: { tags, summary: '积分设置（有效反映积分）/ points settings', response: { 200: S.SettingsIO } } },
    async (request, reply) => noStore(reply).send(await getPointsSettings(deps, requireActor(request))),
  );
  app.put(
    '/api/points/settings',
    {
      schema: {
        tags,
        summary: '设置有效反映积分 / set the points for a useful report',
        body: S.SettingsIO,
        response: { 200: S.SettingsIO },
      },
    },
    async (request) => setPointsSettings(deps, requireActor(request), request.body),
  );
  app.post(
    '/api/points/rules/:id/switch',
    {
      schema: {
        tags,
        summary: '启用/停用积分规则 / switch a rule on or off',
        params: IdParam,
        body: S.SwitchIn,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await switchPointsRule(deps, requireActor(request), request.params.id, request.body.active);
      return reply.status(204).send();
    },
  );
  app.get(
    '/api/residents',
    { schema: { tags, summary: '居民与积分余额 / residents and balances', response: { 200: S.ResidentsOut } } },
    async (request, reply) => noStore(reply).send(await residentsFor(deps, requireActor(request))),
  );
  app.post(
    '/api/residents',
    { schema: { tags, summary: '登记居民 / register a resident', body: S.ResidentIn, response: { 201: S.CreatedOut } } },
    async (request, reply) => reply.status(201).send(await registerResident(deps, requireActor(request), request.body)),
  );
  app.get(
    '/api/residents/:id/ledger',
    { schema: { tags, summary: '积分台账 / a resident’s ledger', params: IdParam, response: { 200: S.LedgerOut } } },
    async (request, reply) => noStore(reply).send(await ledgerOf(deps, requireActor(request), request.params.id)),
  );
  app.get(
    '/api/residents/:id/statement',
    {
      schema: {
        tags,
        summary: '月度积分对账单 / monthly statement',
        params: IdParam,
        querystring: S.MonthQuery,
        response: { 200: S.StatementOut },
      },
    },
    async (request, reply) =>
      noStore(reply).send(await statement(deps, requireActor(request), request.params.id, request.query.month)),
  );
  app.post(
    '/api/residents/:id/awards',
    {
      schema: {
        tags,
        summary: '发放积分 / award points with evidence',
        params: IdParam,
        body: S.AwardIn,
        response: { 201: S.EntrySchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await awardPoints(deps, requireActor(request), { ...request.body, residentId: request.params.id })),
  );
  app.post(
    '/api/residents/:id/corrections',
    {
      schema: {
        tags,
        summary: '更正积分（新记录）/ correct with a new entry',
        params: IdParam,
        body: S.CorrectionIn,
        response: { 201: S.EntrySchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await correctEntry(deps, requireActor(request), { ...request.body, residentId: request.params.id })),
  );
  app.post(
    '/api/residents/:id/redemptions',
    {
      schema: {
        tags,
        summary: '爱心超市兑换 / redeem at the shop',
        params: IdParam,
        body: S.RedeemIn,
        response: { 201: S.RedemptionOut },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await redeemAtShop(deps, requireActor(request), { ...request.body, residentId: request.params.id })),
  );
  app.get(
    '/api/households/:id',
    {
      schema: {
        tags,
        summary: '积分争星：户 / a household’s points and stars',
        params: IdParam,
        response: { 200: S.HouseholdOut },
      },
    },
    async (request, reply) => noStore(reply).send(await household(deps, requireActor(request), request.params.id)),
  );
  app.get(
    '/api/shops',
    { schema: { tags, summary: '爱心超市 / shops and stock', response: { 200: S.ShopsOut } } },
    async (request, reply) => noStore(reply).send(await shopsFor(deps, requireActor(request))),
  );
  app.post(
    '/api/shops',
    { schema: { tags, summary: '新增爱心超市 / add a shop', body: S.ShopIn, response: { 201: S.CreatedOut } } },
    async (request, reply) => reply.status(201).send(await addShop(deps, requireActor(request), request.body)),
  );
  app.post(
    '/api/shops/:id/items',
    { schema: { tags, summary: '上架商品 / add goods', params: IdParam, body: S.ItemIn, response: { 201: S.CreatedOut } } },
    async (request, reply) =>
      reply.status(201).send(await addShopItem(deps, requireActor(request), { ...request.body, shopId: request.params.id })),
  );
  app.post(
    '/api/shop-items/:id/restock',
    { schema: { tags, summary: '补货 / restock', params: IdParam, body: S.RestockIn, response: { 200: S.StockOut } } },
    async (request) => restockItem(deps, requireActor(request), request.params.id, request.body.quantity),
  );
};
