// Load shapes of the intake bench, shared by the bench (raw SQL, in process) and its HTTP client
// process (bench/intake-client.ts).

/** The appeal every bench order carries (number i makes title and phone distinct). */
export const body = (i: number) => ({
  channel: 'phone',
  appealType: 'complaint',
  priority: 3,
  title: `小区供暖不热 ${i}`,
  content: '家中暖气温度只有十五度，老人孩子受冻，多次联系热力公司未解决，请尽快处理。',
  callerName: '王女士',
  callerPhone: `138${String(i).padStart(8, '0')}`,
});

/** Sends order i through the API (POST /api/orders) and fails on anything but 201. */
export const intakeSender = (base: string, token: string) => async (i: number) => {
  const res = await fetch(`${base}/api/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body(i)),
  });
  if (res.status !== 201) throw new Error(`intake failed: ${res.status} ${await res.text()}`);
  await res.arrayBuffer();
};

/** N clients each sending requests back to back for `seconds`; returns latencies in ms. */
export async function closedLoop(send: (i: number) => Promise<void>, clients: number, seconds: number, first = 0) {
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  let i = first;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        await send(i++);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return { perSecond: latencies.length / elapsed, sorted: latencies.sort((a, b) => a - b) };
}

/** Requests started at a fixed rate whatever the latency (how a switchboard really loads us). */
export async function openLoop(send: (i: number) => Promise<void>, rate: number, seconds: number, first = 0) {
  const latencies: number[] = [];
  const pending: Promise<void>[] = [];
  const start = performance.now();
  for (let i = 0; i < rate * seconds; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(send(first + i).then(() => void latencies.push(performance.now() - due)));
  }
  await Promise.all(pending);
  return latencies.sort((a, b) => a - b);
}
