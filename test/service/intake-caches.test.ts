import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { TEST_PASSWORD } from '../helpers/fixtures.js';
import { newOrder } from '../helpers/orders.js';
import { insertPolicy } from '../../src/timelimits/policy.repository.js';
import { upsertCalendarOverride } from '../../src/calendar/calendar.repository.js';
import { actorFromSession, login, SESSION_CACHE_MS } from '../../src/users/auth.service.js';
import { updateUser } from '../../src/users/user.service.js';
import { useWorld } from '../helpers/use-world.js';

// Per-process caches at intake (ADR 0013). Writes made here straight through repositories or SQL stand
// for another process behind the load balancer: nothing in this process is told about them.
const { database, w } = useWorld('2025-03-03T02:00:00Z'); // Monday 10:00 in Shanghai

const version = async () =>
  Number(
    (await database.db.selectFrom('centres').select('settings_version').where('id', '=', w.centreId).executeTakeFirstOrThrow())
      .settings_version,
  );

describe('time-limit rules and calendar cached per centre', () => {
  it('uses a rule or a calendar day changed by another process from the next intake on', async () => {
    const before = await newOrder(w, { categoryId: undefined });
    expect(before.deadline_stage).toBe('dispatch');
    expect(before.deadline_due_at!.toISOString()).toBe('2025-03-04T02:00:00.000Z'); // 一般件: 24 hours

    const v0 = await version();
    const rule = await insertPolicy(database.db, {
      centre_id: w.centreId,
      stage: 'dispatch',
      appeal_type: null,
      priority: null,
      category_id: null,
      amount: 1,
      unit: 'working_days',
      note: '一个工作日内派单',
      updated_by: null,
      updated_at: w.clock.now(),
    });
    expect(await version()).toBe(v0 + 1);
    const ruled = await newOrder(w, { categoryId: undefined });
    expect(ruled.deadline_due_at!.toISOString()).toBe('2025-03-04T10:00:00.000Z'); // end of Tuesday's working hours
    const stored = await database.db
      .selectFrom('order_deadlines')
      .select(['policy_id', 'due_at'])
      .where('order_id', '=', ruled.id)
      .executeTakeFirstOrThrow();
    expect(stored.policy_id).toBe(rule.id);

    // Tuesday becomes a centre holiday: the working day is now Wednesday.
    await upsertCalendarOverride(database.db, {
      centreId: w.centreId,
      day: '2025-03-04',
      working: false,
      name: '中心停班',
      by: null,
      at: w.clock.now(),
    });
    const holiday = await newOrder(w, { categoryId: undefined });
    expect(holiday.deadline_due_at!.toISOString()).toBe('2025-03-05T10:00:00.000Z');

    // And the time zone: the same working day counted in Urumqi (UTC+6) ends at another instant.
    await sql`update centres set timezone = 'Asia/Urumqi' where id = ${w.centreId}`.execute(database.db);
    const urumqi = await newOrder(w, { categoryId: undefined });
    expect(urumqi.deadline_due_at!.getTime()).not.toBe(holiday.deadline_due_at!.getTime());
    await sql`update centres set timezone = 'Asia/Shanghai' where id = ${w.centreId}`.execute(database.db);
    expect(await version()).toBe(v0 + 4);
  });
});

describe('the day number taken in the INSERT', () => {
  it('numbers orders of a day in sequence and keeps every digit past 9999', async () => {
    const a = await newOrder(w);
    const b = await newOrder(w);
    expect(Number(b.order_no) - Number(a.order_no)).toBe(1);
    expect(a.order_no).toMatch(/^250303\d{4}$/);
    await database.db
      .updateTable('order_number_counters')
      .set({ last_value: 9999 })
      .where('centre_id', '=', w.centreId)
      .where('day', '=', '250303')
      .execute();
    expect((await newOrder(w)).order_no).toBe('25030310000');
  });
});

describe('sessions cached for a few seconds', () => {
  it('answers from memory, forgets at once on a change made here, and within SESSION_CACHE_MS on one made elsewhere', async () => {
    const { token } = await login(w.deps, w.usernames.analyst, TEST_PASSWORD);
    expect((await actorFromSession(w.deps, token))?.roles).toEqual(['analyst']);

    // Another process deactivates the user and ends the session: still known here until the cache ages out.
    await database.db.updateTable('users').set({ active: false }).where('id', '=', w.actors.analyst.userId).execute();
    await database.db.deleteFrom('sessions').where('user_id', '=', w.actors.analyst.userId).execute();
    expect(await actorFromSession(w.deps, token)).not.toBeNull();
    w.clock.advance(SESSION_CACHE_MS);
    expect(await actorFromSession(w.deps, token)).toBeNull();

    // A change made through this process applies at once.
    await database.db.updateTable('users').set({ active: true }).where('id', '=', w.actors.analyst.userId).execute();
    const again = await login(w.deps, w.usernames.analyst, TEST_PASSWORD);
    expect((await actorFromSession(w.deps, again.token))?.roles).toEqual(['analyst']);
    await updateUser(w.deps, w.actors.security_admin, w.actors.analyst.userId!, { roles: ['analyst', 'leader'] });
    expect((await actorFromSession(w.deps, again.token))?.roles).toEqual(['analyst', 'leader']);
    await updateUser(w.deps, w.actors.security_admin, w.actors.analyst.userId!, { active: false });
    expect(await actorFromSession(w.deps, again.token)).toBeNull();
  });
});
