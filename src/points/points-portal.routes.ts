import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../http/context.js';
import { noStore } from '../http/auth.js';
import { communities, openResidentSession, registerSelf } from '../residents/resident.service.js';
import { myPoints } from './points.service.js';
import { publicShops, redeemAsResident } from './shop.service.js';
import * as S from './points.schemas.js';

const tags = ['portal'];
const config = { public: true } as const;

/**
 * The residents' side on the portal (issue 19): a phone proved with the portal's one-time code opens a
 * resident session (header x-resident-token); the shops are public and carry no personal data.
 */
export const pointsPortalRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.get(
    '/api/portal/communities',
    { config, schema: { tags, summary: '社区（村）列表 / communities', response: { 200: S.CommunitiesOut } } },
    async () => communities(deps),
  );
  app.post(
    '/api/portal/resident/session',
    {
      config,
      schema: {
        tags,
        summary: '居民登录（验证码）/ resident sign-in with the code',
        body: S.ResidentSessionIn,
        response: { 200: S.SessionOut },
      },
    },
    async (request, reply) => noStore(reply).send(await openResidentSession(deps, request.body)),
  );
  app.post(
    '/api/portal/resident/register',
    {
      config,
      schema: {
        tags,
        summary: '居民登记 / register as a resident',
        headers: S.ResidentTokenHeaders,
        body: S.RegisterSelfIn,
        response: { 200: S.SessionOut },
      },
    },
    async (request, reply) => noStore(reply).send(await registerSelf(deps, request.headers['x-resident-token'], request.body)),
  );
  app.get(
    '/api/portal/resident/points',
    { config, schema: { tags, summary: '我的积分 / my points', headers: S.ResidentTokenHeaders, response: { 200: S.MeOut } } },
    async (request, reply) => noStore(reply).send(await myPoints(deps, request.headers['x-resident-token'])),
  );
  app.get(
    '/api/portal/shops',
    { config, schema: { tags, summary: '爱心超市 / shops and goods', response: { 200: S.ShopsOut } } },
    async () => publicShops(deps),
  );
  app.post(
    '/api/portal/resident/redemptions',
    {
      config,
      schema: {
        tags,
        summary: '积分兑换 / redeem my points',
        headers: S.ResidentTokenHeaders,
        body: S.MyRedeemIn,
        response: { 201: S.RedemptionOut },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await redeemAsResident(deps, request.headers['x-resident-token'], request.body)),
  );
};
