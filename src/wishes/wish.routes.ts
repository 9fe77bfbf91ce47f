import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ClaimerRank, WallState, WishState } from '../contract/wishes.js';
import type { AppContext } from '../http/context.js';
import { noStore, requireActor } from '../http/auth.js';
import { IdParam } from '../shared/schema.js';
import { FileSchema, NoContent } from '../shared/wire-schema.js';
import { ResidentTokenHeaders } from '../points/points.schemas.js';
import {
  claimersFor,
  claimWish,
  confirmAsResident,
  confirmForResident,
  fulfilWish,
  getWishSettings,
  moderateWish,
  myWishes,
  postWishAsResident,
  postWishByStaff,
  registerClaimer,
  setWishSettings,
  wishesFor,
  wishFor,
  wishFromAppeal,
  wishPhoto,
  wishRates,
} from './wish.service.js';
import { wishWall } from './wish-wall.service.js';
import * as S from './wish.schemas.js';

const tags = ['wishes'];
const portal = { public: true } as const;

/** 微心愿 (issue 19, ADR 0189): the staff side and the residents' side on the portal. */
export const wishRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.get(
    '/api/wishes',
    { schema: { tags, summary: '微心愿列表 / wishes', querystring: S.WishListQuery, response: { 200: S.WishesOut } } },
    async (request, reply) =>
      noStore(reply).send(
        await wishesFor(deps, requireActor(request), {
          states: request.query.state ? [request.query.state as WishState] : undefined,
        }),
      ),
  );
  app.post(
    '/api/wishes',
    { schema: { tags, summary: '代居民发布心愿 / post for a resident', body: S.StaffWishIn, response: { 201: S.WishSchema } } },
    async (request, reply) => reply.status(201).send(await postWishByStaff(deps, requireActor(request), request.body)),
  );
  app.post(
    '/api/wishes/from-appeal',
    {
      schema: {
        tags,
        summary: '诉求转微心愿 / turn an appeal into a wish',
        body: S.AppealWishIn,
        response: { 201: S.WishSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await wishFromAppeal(deps, requireActor(request), request.body)),
  );
  app.get(
    '/api/wishes/rates',
    { schema: { tags, summary: '认领率与完成率 / claim and completion rates', response: { 200: S.RatesOut } } },
    async (request, reply) => noStore(reply).send(await wishRates(deps, requireActor(request))),
  );
  app.get(
    '/api/wishes/settings',
    { schema: { tags, summary: '逐级认领窗口 / rank windows and points', response: { 200: S.SettingsOut } } },
    async (request, reply) => noStore(reply).send(await getWishSettings(deps, requireActor(request))),
  );
  app.put(
    '/api/wishes/settings',
    { schema: { tags, summary: '设置认领窗口 / set the windows', body: S.SettingsIn, response: { 200: S.SettingsOut } } },
    async (request) => setWishSettings(deps, requireActor(request), request.body),
  );
  app.get(
    '/api/wish-claimers',
    { schema: { tags, summary: '认领人（党员）/ claimers', response: { 200: S.ClaimersOut } } },
    async (request, reply) => noStore(reply).send(await claimersFor(deps, requireActor(request))),
  );
  app.post(
    '/api/wish-claimers',
    { schema: { tags, summary: '登记认领人 / register a claimer', body: S.ClaimerIn, response: { 204: NoContent } } },
    async (request, reply) => {
      await registerClaimer(deps, requireActor(request), { userId: request.body.userId, rank: request.body.rank as ClaimerRank });
      return reply.status(204).send();
    },
  );
  app.get(
    '/api/wishes/:id',
    { schema: { tags, summary: '心愿详情 / a wish', params: IdParam, response: { 200: S.WishSchema } } },
    async (request, reply) => noStore(reply).send(await wishFor(deps, requireActor(request), request.params.id)),
  );
  app.get(
    '/api/wishes/:id/photo',
    { schema: { tags, summary: '实现照片 / proof photo', params: IdParam, response: { 200: FileSchema('the proof photo') } } },
    async (request, reply) => {
      const photo = await wishPhoto(deps, requireActor(request), request.params.id);
      return noStore(reply).type(photo.type).send(photo.bytes);
    },
  );
  app.post(
    '/api/wishes/:id/moderate',
    { schema: { tags, summary: '社区审核 / review', params: IdParam, body: S.ModerateIn, response: { 200: S.WishSchema } } },
    async (request) => moderateWish(deps, requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/api/wishes/:id/claim',
    { schema: { tags, summary: '认领 / claim', params: IdParam, body: S.ClaimIn, response: { 200: S.WishSchema } } },
    async (request) => claimWish(deps, requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/api/wishes/:id/fulfil',
    {
      schema: {
        tags,
        summary: '实现并上传照片 / fulfil with proof',
        params: IdParam,
        body: S.FulfilIn,
        response: { 200: S.WishSchema },
      },
    },
    async (request) => fulfilWish(deps, requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/api/wishes/:id/confirm',
    { schema: { tags, summary: '代居民确认 / confirm for a resident', params: IdParam, response: { 200: S.WishSchema } } },
    async (request) => confirmForResident(deps, requireActor(request), request.params.id),
  );

  // the residents' side
  app.get(
    '/api/portal/wishes',
    {
      config: portal,
      schema: { tags, summary: '心愿墙 / the public wish wall', querystring: S.WallQuery, response: { 200: S.WallOut } },
    },
    async (request) => wishWall(deps, { ...request.query, state: request.query.state as WallState }),
  );
  app.get(
    '/api/portal/resident/wishes',
    {
      config: portal,
      schema: { tags, summary: '我的心愿 / my wishes', headers: ResidentTokenHeaders, response: { 200: S.WishesOut } },
    },
    async (request, reply) => noStore(reply).send(await myWishes(deps, request.headers['x-resident-token'])),
  );
  app.post(
    '/api/portal/resident/wishes',
    {
      config: portal,
      schema: {
        tags,
        summary: '发布心愿 / post a wish',
        headers: ResidentTokenHeaders,
        body: S.WishIn,
        response: { 201: S.CreatedOut },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await postWishAsResident(deps, request.headers['x-resident-token'], request.body)),
  );
  app.post(
    '/api/portal/resident/wishes/:id/confirm',
    {
      config: portal,
      schema: {
        tags,
        summary: '确认心愿已实现 / confirm',
        params: IdParam,
        headers: ResidentTokenHeaders,
        response: { 200: S.ConfirmedOut },
      },
    },
    async (request, reply) =>
      noStore(reply).send(await confirmAsResident(deps, request.headers['x-resident-token'], request.params.id)),
  );
};
