/**
 * Group commit for the small statements that many concurrent lanes make one at a time (the outbox's
 * "done" marks, a notice's read and its "sent" mark). A call made while the previous statement of its
 * kind is in flight waits and goes with the others in the next one; a call made when nothing is in
 * flight goes at once (with the calls of the same turn). Each caller's promise settles only when the
 * statement that carries its item has committed (or rejects with that statement's error), so a caller
 * observes exactly what it did with a statement of its own: only the number of round trips changes.
 * On the embedded database, where every statement pays a fixed cost and they queue on one connection,
 * this turns a dozen statements into one (ADR 0205).
 */
export class Coalescer<I, O> {
  private pending: { item: I; resolve: (o: O) => void; reject: (e: unknown) => void }[] = [];
  private flushing = false;

  /** `run` answers one result per item, in the items' order. */
  constructor(
    private readonly run: (items: readonly I[]) => Promise<readonly O[]>,
    private readonly maxItems = 500,
  ) {}

  add(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        // The calls of this turn join the first statement.
        queueMicrotask(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, this.maxItems);
      try {
        const out = await this.run(batch.map((b) => b.item));
        batch.forEach((b, i) => b.resolve(out[i]!));
      } catch (e) {
        for (const b of batch) b.reject(e);
      }
    }
    this.flushing = false;
  }
}

const registry = new WeakMap<object, Map<string, Coalescer<never, unknown>>>();

/**
 * The coalescer of kind `name` on `owner` (a database handle): one per handle, so statements only
 * ever join others on the same handle. `run` is taken from the first call.
 */
export function coalescerOn<I, O>(
  owner: object,
  name: string,
  run: (items: readonly I[]) => Promise<readonly O[]>,
): Coalescer<I, O> {
  let byName = registry.get(owner);
  if (!byName) registry.set(owner, (byName = new Map()));
  let c = byName.get(name) as Coalescer<I, O> | undefined;
  if (!c) byName.set(name, (c = new Coalescer(run)) as unknown as Coalescer<never, unknown>);
  return c;
}
