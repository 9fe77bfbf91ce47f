import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../http/context.js';
import { requireActor, sessionToken } from '../http/auth.js';
import { actorFromSession } from '../users/auth.service.js';
import { onSessionsEnded } from '../users/session-events.js';
import { createLivePoller } from './live-poller.js';
import { isChangeVisibleTo, presentChange } from './live-visibility.js';

/** How often the process looks for new order events; the console refreshes within about this time. */
export const LIVE_POLL_MS = 2000;
const HEARTBEAT_MS = 20_000;

/**
 * GET /api/live: a Server-Sent Events stream of order changes the signed-in user may see. One poller
 * per app instance reads the database and fans out to all connections of that instance.
 */
export const liveRoutes: FastifyPluginAsyncTypebox<AppContext & { livePollMs?: number }> = async (app, opts) => {
  const poller = createLivePoller(opts.deps.db, {
    intervalMs: opts.livePollMs ?? LIVE_POLL_MS,
    onError: (e) => app.log.warn({ err: e }, 'live poll failed'),
  });
  const closers = new Set<() => void>();
  // Open streams would otherwise keep the server from closing.
  app.addHook('preClose', async () => {
    for (const close of [...closers]) close();
    poller.stop();
  });

  app.get('/api/live', { schema: { tags: ['live'], summary: '实时更新（SSE）/ live order changes' } }, (request, reply) => {
    const actor = requireActor(request);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 3000\n: connected\n\n');
    const unsubscribe = poller.subscribe((changes) => {
      for (const change of changes) {
        if (!isChangeVisibleTo(actor, change)) continue;
        res.write(`id: ${change.id}\nevent: order\ndata: ${JSON.stringify(presentChange(change))}\n\n`);
      }
    });
    // Each heartbeat re-checks the session: a signed-out or deactivated user's stream ends.
    const token = sessionToken(request);
    const heartbeat = setInterval(() => {
      void (token ? actorFromSession(opts.deps, token) : Promise.resolve(null)).then(
        (still) => (still ? res.write(': ping\n\n') : close()),
        () => res.write(': ping\n\n'),
      );
    }, HEARTBEAT_MS);
    heartbeat.unref?.();
    // Deactivated or password reset in this process: end the stream now.
    const stopWatching = onSessionsEnded((userId) => {
      if (userId === actor.userId) close();
    });
    const close = () => {
      clearInterval(heartbeat);
      stopWatching();
      unsubscribe();
      closers.delete(close);
      if (!res.writableEnded) res.end();
    };
    closers.add(close);
    request.raw.on('close', close);
  });
};
