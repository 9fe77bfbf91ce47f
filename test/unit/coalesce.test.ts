import { describe, expect, it } from 'vitest';
import { Coalescer } from '../../src/shared/coalesce.js';

// ADR 0205: calls made while a statement is in flight go together in the next one; each caller's
// promise settles with its own result once the statement carrying it has finished.
function recorder(fail?: (items: readonly number[]) => boolean) {
  const statements: number[][] = [];
  let release: (() => void) | undefined;
  const c = new Coalescer<number, string>(async (items) => {
    statements.push([...items]);
    await new Promise<void>((r) => (release = r));
    if (fail?.(items)) throw new Error(`statement ${statements.length} failed`);
    return items.map((i) => `r${i}`);
  });
  const finish = async () => {
    await new Promise((r) => setImmediate(r));
    release?.();
    release = undefined;
  };
  return { c, statements, finish };
}

describe('Coalescer', () => {
  it('sends the first call at once and groups the calls made while it runs into the next statement', async () => {
    const { c, statements, finish } = recorder();
    const settled: string[] = [];
    const a = c.add(1).then((r) => settled.push(r));
    await new Promise((r) => setImmediate(r));
    expect(statements).toEqual([[1]]);
    const rest = [2, 3, 4].map((i) => c.add(i).then((r) => settled.push(r)));
    await new Promise((r) => setImmediate(r));
    expect(statements).toEqual([[1]]); // waiting for the first statement
    expect(settled).toEqual([]);
    await finish();
    await a;
    expect(settled).toEqual(['r1']); // 2–4 not before their own statement has finished
    await new Promise((r) => setImmediate(r));
    expect(statements).toEqual([[1], [2, 3, 4]]);
    await finish();
    await Promise.all(rest);
    expect(settled).toEqual(['r1', 'r2', 'r3', 'r4']);
  });

  it('fails the callers of a failed statement only, and goes on with the next', async () => {
    const { c, statements, finish } = recorder((items) => items.includes(2));
    const first = c.add(1);
    await new Promise((r) => setImmediate(r));
    const second = c.add(2);
    const third = c.add(3);
    await finish();
    await expect(first).resolves.toBe('r1');
    await finish();
    await expect(second).rejects.toThrow('statement 2 failed');
    await expect(third).rejects.toThrow('statement 2 failed');
    const fourth = c.add(4);
    await finish();
    await expect(fourth).resolves.toBe('r4');
    expect(statements).toEqual([[1], [2, 3], [4]]);
  });
});
