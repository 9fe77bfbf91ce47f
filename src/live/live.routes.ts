import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../http/context.js';
import { requireActor, sessionToken } from '../http/auth.js';
import { domainError } from '../shared/errors.js';
import { createLivePoller } from './live-poller.js';
import { openLiveStream, type LiveStream } from './live-stream.js';
import { EventStreamSchema } from '../shared/wire-schema.js';

/** How often the process looks for new order events; the console refreshes within about this time. */
export const LIVE_POLL_MS = 2000;
/**
 * How often each stream re-checks its session. A change made through another process reaches an open
 * stream within this plus SESSION_CACHE_MS; changes made in this process close it at once.
 */
export const LIVE_HEARTBEAT_MS = 20_000;

/**
 * GET /api/live: a Server-Sent Events stream of order changes the signed-in user may see. One poller
 * per app instance reads the database and fans out to all connections of that instance.
 */
export const liveRoutes: FastifyPluginAsyncTypebox<AppContext & { livePollMs?: number }> = async (app, opts) => {
  const poller = createLivePoller(opts.deps.db, {
    intervalMs: opts.livePollMs ?? LIVE_POLL_MS,
    onError: (e) => app.log.warn({ err: e }, 'live poll failed'),
  });
  const streams = new Set<LiveStream>();
  // Open streams would otherwise keep the server from closing.
  app.addHook('preClose', async () => {
    for (const stream of [...streams]) stream.close();
    poller.stop();
  });

  app.get(
    '/api/live',
    {
      schema: {
        tags: ['live'],
        summary: '实时更新（SSE）/ live order changes',
        response: { 200: EventStreamSchema("order changes and the operator's calls / 工单变化、本人来电") },
      },
    },
    (request, reply) => {
      const actor = requireActor(request);
      const token = sessionToken(request);
      if (!token) throw domainError('UNAUTHENTICATED', 'error.unauthenticated');
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write('retry: 3000\n: connected\n\n');
      const heartbeat = setInterval(() => void stream.heartbeat(), LIVE_HEARTBEAT_MS);
      heartbeat.unref?.();
      const stream = openLiveStream(
        opts.deps,
        poller,
        { token, actor },
        {
          write: (chunk) => res.write(chunk),
          end: () => {
            clearInterval(heartbeat);
            streams.delete(stream);
            if (!res.writableEnded) res.end();
          },
        },
        (e) => app.log.warn({ err: e }, 'live session re-check failed'),
      );
      streams.add(stream);
      request.raw.on('close', () => stream.close());
    },
  );
};
