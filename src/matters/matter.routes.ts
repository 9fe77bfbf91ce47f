import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { MatterLinkKind, MatterStatus } from '../contract/matters.js';
import type { AppContext } from '../http/context.js';
import { noStore, requireActor } from '../http/auth.js';
import { ResidentTokenHeaders } from '../points/points.schemas.js';
import { IdParam } from '../shared/schema.js';
import {
  addMilestone,
  createMatter,
  editMatter,
  linkAppeal,
  matterFor,
  matterOptions,
  mattersFor,
  moveMatterTo,
  reportProgress,
  tickMilestone,
  type NewMatterInput,
} from './matter.service.js';
import { castVote, closeRound, openRound, publicMatters, publicRound, roundFor, roundsFor } from './matter-vote.service.js';
import * as S from './matter.schemas.js';

const tags = ['matters'];
const portal = { public: true } as const;

/** 民生实事 and 票决 (issue 19, ADR 0206): the staff side and the portal's public list and vote. */
export const matterRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.get(
    '/api/matters',
    { schema: { tags, summary: '民生实事清单 / matters of a year', querystring: S.ListQuery, response: { 200: S.MattersOut } } },
    async (request, reply) =>
      noStore(reply).send(
        await mattersFor(deps, requireActor(request), request.query as { year: number; status?: MatterStatus }),
      ),
  );
  app.post(
    '/api/matters',
    { schema: { tags, summary: '新建民生实事 / create a matter', body: S.NewMatterIn, response: { 201: S.MatterOut } } },
    async (request, reply) =>
      reply.status(201).send(await createMatter(deps, requireActor(request), request.body as NewMatterInput)),
  );
  app.get(
    '/api/matters/options',
    { schema: { tags, summary: '牵头领导、认领单位、区域 / form options', response: { 200: S.OptionsOut } } },
    async (request, reply) => noStore(reply).send(await matterOptions(deps, requireActor(request))),
  );
  app.get(
    '/api/matters/:id',
    { schema: { tags, summary: '民生实事详情 / a matter', params: IdParam, response: { 200: S.MatterOut } } },
    async (request, reply) => noStore(reply).send(await matterFor(deps, requireActor(request), request.params.id)),
  );
  app.put(
    '/api/matters/:id',
    { schema: { tags, summary: '修改 / edit', params: IdParam, body: S.MatterIn, response: { 200: S.MatterOut } } },
    async (request) => editMatter(deps, requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/api/matters/:id/status',
    { schema: { tags, summary: '立项、开工、完成 / move', params: IdParam, body: S.MoveIn, response: { 200: S.MatterOut } } },
    async (request) => moveMatterTo(deps, requireActor(request), request.params.id, request.body.to as MatterStatus),
  );
  app.post(
    '/api/matters/:id/milestones',
    {
      schema: {
        tags,
        summary: '增加节点 / add a milestone',
        params: IdParam,
        body: S.MilestoneIn,
        response: { 200: S.MatterOut },
      },
    },
    async (request) => addMilestone(deps, requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/api/matters/:id/milestones/:milestoneId/done',
    {
      schema: {
        tags,
        summary: '节点完成 / tick a milestone',
        params: S.MilestoneParams,
        body: S.MilestoneDoneIn,
        response: { 200: S.MatterOut },
      },
    },
    async (request) => tickMilestone(deps, requireActor(request), request.params.id, request.params.milestoneId, request.body),
  );
  app.post(
    '/api/matters/:id/progress',
    {
      schema: {
        tags,
        summary: '报告进展 / report progress',
        params: IdParam,
        body: S.ProgressIn,
        response: { 200: S.MatterOut },
      },
    },
    async (request) => reportProgress(deps, requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/api/matters/:id/links',
    { schema: { tags, summary: '关联诉求 / link an appeal', params: IdParam, body: S.LinkIn, response: { 200: S.MatterOut } } },
    async (request) =>
      linkAppeal(deps, requireActor(request), request.params.id, request.body as { order: string; kind: MatterLinkKind }),
  );
  app.get(
    '/api/matter-rounds',
    { schema: { tags, summary: '票决轮次 / voting rounds', querystring: S.RoundsQuery, response: { 200: S.RoundsOut } } },
    async (request, reply) => noStore(reply).send(await roundsFor(deps, requireActor(request), request.query.year ?? null)),
  );
  app.post(
    '/api/matter-rounds',
    { schema: { tags, summary: '发起票决 / open a voting round', body: S.RoundIn, response: { 201: S.RoundOut } } },
    async (request, reply) => reply.status(201).send(await openRound(deps, requireActor(request), request.body)),
  );
  app.get(
    '/api/matter-rounds/:id',
    { schema: { tags, summary: '票决结果 / a round and its tally', params: IdParam, response: { 200: S.RoundOut } } },
    async (request, reply) => noStore(reply).send(await roundFor(deps, requireActor(request), request.params.id)),
  );
  app.post(
    '/api/matter-rounds/:id/close',
    { schema: { tags, summary: '结束票决 / close and adopt the top', params: IdParam, response: { 200: S.RoundOut } } },
    async (request) => closeRound(deps, requireActor(request), request.params.id),
  );

  // the portal
  app.get(
    '/api/portal/matters',
    {
      config: portal,
      schema: {
        tags,
        summary: '民生实事公示 / the public list',
        querystring: S.PublicQuery,
        response: { 200: S.PublicMattersOut },
      },
    },
    async (request) => publicMatters(deps, request.query.year ?? deps.clock.now().getUTCFullYear()),
  );
  app.get(
    '/api/portal/matter-round',
    {
      config: portal,
      schema: {
        tags,
        summary: '正在进行的票决 / the open round',
        headers: ResidentTokenHeaders,
        response: { 200: S.PublicRoundOut },
      },
    },
    async (request, reply) => noStore(reply).send(await publicRound(deps, request.headers['x-resident-token'])),
  );
  app.post(
    '/api/portal/matter-rounds/:id/votes',
    {
      config: portal,
      schema: {
        tags,
        summary: '投票 / vote for a candidate',
        params: IdParam,
        headers: ResidentTokenHeaders,
        body: S.VoteIn,
        response: { 201: S.VoteOut },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await castVote(deps, request.headers['x-resident-token'], request.params.id, request.body.matterId)),
  );
};
