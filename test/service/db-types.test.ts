import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { listCalendarOverrides, upsertCalendarOverride } from '../../src/calendar/calendar.repository.js';
import { useWorld } from '../helpers/use-world.js';

/**
 * Both backends (PGlite here by default, PostgreSQL with TEST_DATABASE_URL) give the same JS types:
 * DATE as 'YYYY-MM-DD' text, bigint and numeric as numbers, timestamptz as Date.
 */
describe('column types are the same on both backends', () => {
  const { database, w } = useWorld();

  it('DATE, bigint, numeric and timestamptz from a plain query', async () => {
    const { rows } = await sql<{ d: unknown; n: unknown; x: unknown; t: unknown; nd: unknown }>`
      select date '2025-01-02' as d, 9007199254740991::int8 as n, 12.5::numeric as x,
             timestamptz '2025-01-02 03:04:05+00' as t, null::date as nd`.execute(database.db);
    expect(rows[0]).toEqual({ d: '2025-01-02', n: 9007199254740991, x: 12.5, t: new Date('2025-01-02T03:04:05Z'), nd: null });
  });

  it('a DATE column read through a repository, in and outside a transaction', async () => {
    await upsertCalendarOverride(w.deps.db, {
      centreId: w.centreId,
      day: '2025-10-11',
      working: true,
      name: '国庆调休上班',
      by: null,
      at: new Date('2025-09-01T00:00:00Z'),
    });
    const direct = await w.deps.db.selectFrom('calendar_overrides').select('day').where('centre_id', '=', w.centreId).execute();
    expect(direct).toEqual([{ day: '2025-10-11' }]);
    const inTx = await w.deps.db
      .transaction()
      .execute((tx) =>
        tx.selectFrom('calendar_overrides').select(['day', 'updated_at']).where('centre_id', '=', w.centreId).execute(),
      );
    expect(inTx[0]!.day).toBe('2025-10-11');
    expect(inTx[0]!.updated_at).toBeInstanceOf(Date);
    expect((await listCalendarOverrides(w.deps.db, w.centreId)).map((o) => o.day)).toEqual(['2025-10-11']);
  });
});
