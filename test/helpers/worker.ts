import { loadConfig, type Config } from '../../src/config/config.js';
import { domainSettings } from '../../src/config/domain-settings.js';
import type { Deps } from '../../src/shared/deps.js';
import { sweepDueDeadlines } from '../../src/timelimits/deadline-sweep.service.js';
import { drainOutbox } from '../../src/worker/outbox-dispatcher.service.js';
import { outboxHandlers } from '../../src/worker/outbox-topics.js';
import type { WorkerDeps } from '../../src/worker/worker-deps.js';

export const workerDeps = (deps: Deps, env: Record<string, string> = {}, logs: string[] = []): WorkerDeps => {
  const config: Config = loadConfig(env);
  return { ...deps, config, settings: domainSettings(config), log: (line) => logs.push(line) };
};

/** What two worker processes do in one tick, at the same time: sweep, then drain the outbox. */
export async function twoWorkersTick(deps: WorkerDeps) {
  const sweeps = await Promise.all([sweepDueDeadlines(deps, { batchSize: 3 }), sweepDueDeadlines(deps, { batchSize: 3 })]);
  const drains = await Promise.all([
    drainOutbox(deps, { handlers: outboxHandlers, batchSize: 5 }),
    drainOutbox(deps, { handlers: outboxHandlers, batchSize: 5 }),
  ]);
  return { sweeps, drains };
}
