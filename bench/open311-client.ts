// The HTTP clients of the Open311 bench, in their own process (forked by bench/open311.bench.ts), so
// reading the answers and building the requests do not run on the server's event loop.

export type Open311ClientJob =
  | { kind: 'get'; urls: string[]; runs: number; headers?: Record<string, string> }
  | {
      kind: 'post';
      path: 'open311' | 'console';
      base: string;
      count: number;
      clients: number;
      first: number;
      /** open311: the API key and jurisdiction; console: the operator's bearer token. */
      auth: { apiKey: string; jurisdiction: string; serviceCode: string } | { token: string; categoryId: string };
    };

export interface Open311ClientResult {
  /** Latencies in ms, sorted. */
  sorted: number[];
  seconds: number;
  /** Bytes of the last answer of each URL (get). */
  bytes: number[];
}

/** The same appeal through either door: text, place, caller (number i makes the phone distinct). */
export const appeal = (i: number) => ({
  description: `小区楼下路灯已经坏了一个多月，晚上出行很不方便，请尽快修复。编号${i}`,
  address: `锡林浩特市额尔敦路${i % 300}号`,
  lat: 43.93 + (i % 100) / 10_000,
  lng: 116.08 + (i % 100) / 10_000,
  lastName: '王',
  firstName: '女士',
  phone: `139${String(i).padStart(8, '0')}`,
});

function sender(job: Extract<Open311ClientJob, { kind: 'post' }>) {
  const { auth } = job;
  if ('apiKey' in auth) {
    return async (i: number) => {
      const a = appeal(i);
      // As FixMyStreet sends it: form-encoded, the key in the body.
      const form = new URLSearchParams({
        api_key: auth.apiKey,
        jurisdiction_id: auth.jurisdiction,
        service_code: auth.serviceCode,
        lat: String(a.lat),
        long: String(a.lng),
        address_string: a.address,
        description: a.description,
        last_name: a.lastName,
        first_name: a.firstName,
        phone: a.phone,
      });
      const res = await fetch(`${job.base}/open311/v2/requests.json`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
      });
      if (res.status !== 200 && res.status !== 201) throw new Error(`open311 POST: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    };
  }
  return async (i: number) => {
    const a = appeal(i);
    const res = await fetch(`${job.base}/api/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${auth.token}` },
      body: JSON.stringify({
        channel: 'phone',
        appealType: 'report',
        priority: 3,
        categoryId: auth.categoryId,
        title: a.description.slice(0, 20),
        content: a.description,
        address: a.address,
        lat: a.lat,
        lng: a.lng,
        callerName: a.lastName + a.firstName,
        callerPhone: a.phone,
      }),
    });
    if (res.status !== 201) throw new Error(`console POST: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
  };
}

/** `count` appeals by `clients` clients back to back (each takes the next number until none is left). */
async function postAll(job: Extract<Open311ClientJob, { kind: 'post' }>): Promise<Open311ClientResult> {
  const send = sender(job);
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: job.clients }, async () => {
      while (next < job.count) {
        const i = job.first + next++;
        const t = performance.now();
        await send(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { sorted: latencies.sort((a, b) => a - b), seconds: (performance.now() - started) / 1000, bytes: [] };
}

/** Each URL in turn, `runs` times in all, one at a time (the latency a client waits). */
async function getSequential(job: Extract<Open311ClientJob, { kind: 'get' }>): Promise<Open311ClientResult> {
  const latencies: number[] = [];
  const bytes = job.urls.map(() => 0);
  const started = performance.now();
  for (let i = 0; i < job.runs; i++) {
    const k = i % job.urls.length;
    const t = performance.now();
    const res = await fetch(job.urls[k]!, { headers: job.headers });
    const body = await res.arrayBuffer();
    latencies.push(performance.now() - t);
    if (res.status !== 200) throw new Error(`${job.urls[k]}: ${res.status} ${Buffer.from(body).toString().slice(0, 300)}`);
    bytes[k] = body.byteLength;
  }
  return { sorted: latencies.sort((a, b) => a - b), seconds: (performance.now() - started) / 1000, bytes };
}

process.on('message', (job: Open311ClientJob) => {
  const run = job.kind === 'get' ? getSequential(job) : postAll(job);
  run.then(
    (result) => process.send!({ ok: true, result }),
    (e: unknown) => process.send!({ ok: false, error: e instanceof Error ? e.message : String(e) }),
  );
});
