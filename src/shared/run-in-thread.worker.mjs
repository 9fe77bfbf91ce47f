// Bootstrap of runInThread (run-in-thread.ts): a worker thread does not inherit the parent's tsx
// registration, so it registers tsx itself, imports the TypeScript entry module and calls one export.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { moduleUrl, exportName, input } = workerData;
try {
  const mod = await import(moduleUrl);
  const fn = mod[exportName];
  if (typeof fn !== 'function') throw new Error(`${moduleUrl} has no exported function ${exportName}`);
  const reply = await fn(input);
  parentPort.postMessage({ ok: true, value: reply.value }, reply.transfer ?? []);
} catch (err) {
  const e = err instanceof Error ? err : new Error(String(err));
  parentPort.postMessage({ ok: false, error: { name: e.name, message: e.message, stack: e.stack } });
}
