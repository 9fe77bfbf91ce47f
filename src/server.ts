import type { FastifyInstance } from 'fastify';
import type { Config } from './config/config.js';
import { buildApp } from './http/app.js';
import { WEB_DIST } from './paths.js';
import type { Runtime } from './runtime.js';
import { startWorker } from './worker/worker.js';

export type ServerRole = 'web' | 'worker';

export interface RunningServer {
  app: FastifyInstance | null;
  stop(): Promise<void>;
}

/** Starts the roles of one process: the HTTP server and/or the background worker. */
export async function startServer(rt: Runtime, config: Config, roles: readonly ServerRole[]): Promise<RunningServer> {
  const stops: (() => Promise<void>)[] = [];
  let app: FastifyInstance | null = null;
  if (roles.includes('web')) {
    app = await buildApp(
      { deps: rt.deps, config, poolStats: rt.database.poolStats },
      { logger: { level: config.logLevel }, webDir: WEB_DIST },
    );
    await app.listen({ port: config.port, host: config.host });
    const web = app;
    stops.push(() => web.close());
  }
  if (roles.includes('worker')) {
    const worker = startWorker(
      { ...rt.deps, config, log: (line) => console.log(`lianxin worker: ${line}`) },
      { pollMs: config.workerPollMs },
    );
    stops.push(() => worker.stop());
  }
  return {
    app,
    stop: async () => {
      for (const stop of stops.reverse()) await stop();
    },
  };
}
