import { Worker } from 'node:worker_threads';

/**
 * What a thread entry function returns: the value to send back and the ArrayBuffers to move rather
 * than copy (each must own its whole buffer: see `ownedBytes`).
 */
export interface ThreadReply<O> {
  value: O;
  transfer?: ArrayBuffer[];
}

/** An exported function of a thread entry module; its input must be structured-cloneable. */
export type ThreadEntry<I, O> = (input: I) => ThreadReply<O> | Promise<ThreadReply<O>>;

const BOOTSTRAP = new URL('./run-in-thread.worker.mjs', import.meta.url);

/**
 * Runs `exportName(input)` of the module at `moduleUrl` (a TypeScript file; tsx is registered in the
 * thread) in a fresh `worker_threads` Worker, so CPU-bound work leaves the event loop free. Resolves
 * with the entry's value, rejects with its error (message kept); the worker is always terminated.
 */
export function runInThread<I, O>(moduleUrl: URL, exportName: string, input: I): Promise<O> {
  const worker = new Worker(BOOTSTRAP, { workerData: { moduleUrl: moduleUrl.href, exportName, input } });
  return new Promise<O>((resolve, reject) => {
    worker.once(
      'message',
      (m: { ok: true; value: O } | { ok: false; error: { name: string; message: string; stack?: string } }) => {
        if (m.ok) return resolve(m.value);
        const err = new Error(m.error.message);
        err.name = m.error.name;
        if (m.error.stack) err.stack = m.error.stack;
        reject(err);
      },
    );
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`thread ${exportName} exited (code ${code}) without a result`)));
  }).finally(() => void worker.terminate());
}

/** The bytes in an ArrayBuffer of their own (a copy only when the view shares its buffer), transferable. */
export function ownedBytes(view: Uint8Array): Uint8Array {
  if (view.byteOffset === 0 && view.byteLength === view.buffer.byteLength && view.buffer instanceof ArrayBuffer) return view;
  return new Uint8Array(view);
}
