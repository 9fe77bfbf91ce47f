import { describe, expect, it } from 'vitest';
import { bucketRule, spendPortalToken } from '../../src/portal/portal-rate-limit.service.js';
import { DomainError } from '../../src/shared/errors.js';
import { useWorld } from '../helpers/use-world.js';

const { w } = useWorld();

const spend = (ip: string, rule = bucketRule(5, 60)) =>
  spendPortalToken(w.deps, 'lookup', ip, rule).then(
    () => 'ok' as const,
    (e: unknown) => {
      if (e instanceof DomainError && e.code === 'RATE_LIMITED') return 'limited' as const;
      throw e;
    },
  );

describe('portal token bucket', () => {
  it('never hands out more tokens than the bucket holds, even to concurrent requests', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => spend('192.0.2.1')));
    expect(results.filter((r) => r === 'ok')).toHaveLength(5);
    expect(results.filter((r) => r === 'limited')).toHaveLength(15);
  });

  it('refills at the configured rate and never beyond capacity', async () => {
    for (let i = 0; i < 5; i++) expect(await spend('192.0.2.2')).toBe('ok');
    expect(await spend('192.0.2.2')).toBe('limited');
    w.clock.advance(12_000); // 5 per minute: one token back every 12 s
    expect(await spend('192.0.2.2')).toBe('ok');
    expect(await spend('192.0.2.2')).toBe('limited');
    w.clock.advance(60 * 60_000); // an hour idle fills the bucket to 5, not 300
    const burst = await Promise.all(Array.from({ length: 8 }, () => spend('192.0.2.2')));
    expect(burst.filter((r) => r === 'ok')).toHaveLength(5);
  });

  it('drops buckets idle for a day when a new client arrives', async () => {
    await spend('192.0.2.3');
    w.clock.advance(25 * 60 * 60_000);
    await spend('192.0.2.4');
    const keys = (await w.deps.db.selectFrom('portal_rate_buckets').select('bucket_key').execute()).map((r) => r.bucket_key);
    expect(keys).toEqual(['lookup:192.0.2.4']);
  });
});
