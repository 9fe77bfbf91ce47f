/** What the limiter reads time from and waits with: the real ones by default, a manual pair in tests. */
export interface LimiterTime {
  /** Milliseconds, monotonic. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realTime: LimiterTime = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
};

/**
 * A token bucket per provider and process: at most `perSecond` sends a second (bursts up to one
 * second's worth). `take()` waits for a token, so a burst of notices spreads out instead of failing.
 * Takers are served in the order they asked.
 */
export class RateLimiter {
  private tokens: number;
  private last: number;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly perSecond: number,
    private readonly time: LimiterTime = realTime,
  ) {
    this.tokens = perSecond;
    this.last = time.now();
  }

  take(): Promise<void> {
    const next = this.queue.then(() => this.takeOne());
    this.queue = next;
    return next;
  }

  private async takeOne(): Promise<void> {
    for (;;) {
      const now = this.time.now();
      this.tokens = Math.min(this.perSecond, this.tokens + ((now - this.last) / 1000) * this.perSecond);
      this.last = now;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await this.time.sleep(Math.ceil(((1 - this.tokens) / this.perSecond) * 1000));
    }
  }
}
