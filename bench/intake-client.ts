// The HTTP clients of the intake bench, in their own process (forked by bench/intake.bench.ts): a
// switchboard's clients are not on the server's event loop, so their CPU must not count against it.
import { closedLoop, intakeSender, openLoop } from './intake-load.js';

export type ClientJob =
  | { kind: 'closed'; base: string; token: string; clients: number; seconds: number; first: number }
  | { kind: 'open'; base: string; token: string; rate: number; seconds: number; first: number };

export interface ClientResult {
  perSecond: number;
  sorted: number[];
}

process.on('message', (job: ClientJob) => {
  const send = intakeSender(job.base, job.token);
  const run: Promise<ClientResult> =
    job.kind === 'closed'
      ? closedLoop(send, job.clients, job.seconds, job.first)
      : openLoop(send, job.rate, job.seconds, job.first).then((sorted) => ({ perSecond: sorted.length / job.seconds, sorted }));
  run.then(
    (result) => process.send!({ ok: true, result }),
    (e: unknown) => process.send!({ ok: false, error: e instanceof Error ? e.message : String(e) }),
  );
});
