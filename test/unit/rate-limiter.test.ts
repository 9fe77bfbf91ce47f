import { describe, expect, it } from 'vitest';
import { RateLimiter, type LimiterTime } from '../../src/notifications/providers/rate-limiter.js';

/** A clock that moves only when the limiter sleeps: every wait is recorded, nothing takes real time. */
function manualTime() {
  let now = 0;
  const sleeps: number[] = [];
  const time: LimiterTime = {
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
  };
  return { time, sleeps, at: () => now, advance: (ms: number) => (now += ms) };
}

/** The times (ms) at which each of n takes, asked for at once, got its token. */
async function grantTimes(limiter: RateLimiter, clock: ReturnType<typeof manualTime>, n: number) {
  const granted: number[] = [];
  await Promise.all(Array.from({ length: n }, () => limiter.take().then(() => granted.push(clock.at()))));
  return granted;
}

describe('the per-provider rate limit (token bucket)', () => {
  it('lets one second’s worth through at once, then spaces the rest at the rate', async () => {
    const clock = manualTime();
    const limiter = new RateLimiter(10, clock.time);
    const granted = await grantTimes(limiter, clock, 25);
    expect(granted.slice(0, 10)).toEqual(Array(10).fill(0));
    // Then one every 100 ms: 15 more take 1.5 s, never faster.
    expect(granted.slice(10)).toEqual(Array.from({ length: 15 }, (_, i) => (i + 1) * 100));
    expect(clock.sleeps.every((ms) => ms > 0)).toBe(true);
  });

  it('holds the rate over any window once the burst is spent', async () => {
    const clock = manualTime();
    const limiter = new RateLimiter(50, clock.time);
    const granted = await grantTimes(limiter, clock, 300);
    // In any one second after the first burst at most 50 tokens are granted (sliding window).
    const later = granted.filter((t) => t > 0);
    for (let i = 0; i < later.length; i++) {
      const inWindow = later.filter((t) => t > later[i] - 1000 && t <= later[i]).length;
      expect(inWindow).toBeLessThanOrEqual(50);
    }
    expect(clock.at()).toBe(5000); // 300 = 50 at once + 250 at 50/s
  });

  it('refills while idle, but never beyond one second’s worth', async () => {
    const clock = manualTime();
    const limiter = new RateLimiter(4, clock.time);
    await grantTimes(limiter, clock, 4); // the burst
    clock.advance(10_000); // a long pause banks at most 4 tokens
    const t0 = clock.at();
    const granted = await grantTimes(limiter, clock, 6);
    expect(granted.map((t) => t - t0)).toEqual([0, 0, 0, 0, 250, 500]);
  });

  it('serves takers in the order they asked', async () => {
    const clock = manualTime();
    const limiter = new RateLimiter(1, clock.time);
    const order: number[] = [];
    await Promise.all([1, 2, 3].map((n) => limiter.take().then(() => order.push(n))));
    expect(order).toEqual([1, 2, 3]);
    expect(clock.at()).toBe(2000);
  });
});
