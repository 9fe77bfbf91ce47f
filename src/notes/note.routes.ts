import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../http/context.js';
import { noStore, requireActor } from '../http/auth.js';
import { OrderRefParam, WrittenText } from '../shared/schema.js';
import { addNote, findMentionTargets } from './note.service.js';
import { MentionTargetsSchema, NoteAddedViewSchema } from './note.schemas.js';

const tags = ['notes'];
const Ids = Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 20 }));

/** 内部备注 with @mentions, and the people a note may mention. */
export const noteRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, { deps }) => {
  app.post(
    '/api/orders/:id/notes',
    {
      schema: {
        tags,
        summary: '内部备注 / internal note (never shown to the citizen)',
        params: OrderRefParam,
        body: Type.Object({ text: WrittenText(2000), mentionUserIds: Ids, mentionUnitIds: Ids }, { additionalProperties: false }),
        response: { 201: NoteAddedViewSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await addNote(deps, requireActor(request), request.params.id, request.body)),
  );
  app.get(
    '/api/notes/people',
    {
      schema: {
        tags,
        summary: '可提及的同事和单位 / colleagues and units to mention',
        querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 40 })) }),
        response: { 200: MentionTargetsSchema },
      },
    },
    async (request, reply) => {
      noStore(reply);
      return findMentionTargets(deps, requireActor(request), request.query.q ?? '');
    },
  );
};
