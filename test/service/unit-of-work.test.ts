import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { afterUnitOfWork, runUnitOfWork } from '../../src/db/unit-of-work.js';
import { useTestDatabase } from '../helpers/use-world.js';

const database = useTestDatabase();

const note = (text: string) => sql`insert into uow_probe (text) values (${text})`;
const notes = async () =>
  (await sql<{ text: string }>`select text from uow_probe order by id`.execute(database.db)).rows.map((r) => r.text);

describe('units of work (ADR 0199)', () => {
  it('commits or rolls back every handle together; a nested transaction is a savepoint inside it', async () => {
    const db = database.db;
    await sql`create table uow_probe (id serial primary key, text text not null)`.execute(db);

    await runUnitOfWork(db, async () => {
      await note('plain').execute(db);
      await db.transaction().execute(async (tx) => note('nested').execute(tx));
      // A nested transaction that fails rolls back to its savepoint; the unit goes on.
      await expect(
        db.transaction().execute(async (tx) => {
          await note('undone').execute(tx);
          throw new Error('inner refusal');
        }),
      ).rejects.toThrow('inner refusal');
    });
    expect(await notes()).toEqual(['plain', 'nested']);

    // The unit fails at its end (the audit row's place): all of it is undone, nested commits included.
    await expect(
      runUnitOfWork(db, async () => {
        await note('lost-plain').execute(db);
        await db.transaction().execute(async (tx) => note('lost-nested').execute(tx));
        await sql`select 1 / 0`.execute(db);
      }),
    ).rejects.toThrow();
    expect(await notes()).toEqual(['plain', 'nested']);
  });

  it('starts after-commit work only once the unit committed, outside it; a rolled-back unit drops it', async () => {
    const db = database.db;
    const seen: string[][] = [];
    const look = () => afterUnitOfWork(() => void notes().then((n) => seen.push(n)));
    await runUnitOfWork(db, async () => {
      await note('after').execute(db);
      look();
      expect(seen).toEqual([]);
    });
    await expect.poll(() => seen.length).toBe(1);
    expect(seen[0]).toContain('after');

    await runUnitOfWork(db, async () => {
      look();
      throw new Error('refused');
    }).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).toHaveLength(1);
  });

  it('lets other work go on beside a unit, and work a unit left running gets an ordinary connection', async () => {
    const db = database.db;
    let leftRunning: Promise<unknown> | undefined;
    const [inUnit, beside] = await Promise.all([
      runUnitOfWork(db, async () => {
        await note('unit').execute(db);
        leftRunning = new Promise((r) => setTimeout(r, 20)).then(() => note('left').execute(db));
        return 'unit done';
      }),
      note('beside').execute(db),
    ]);
    expect([inUnit, beside.numAffectedRows]).toEqual(['unit done', 1n]);
    await leftRunning;
    expect(await notes()).toEqual(expect.arrayContaining(['unit', 'beside', 'left']));
  });
});
