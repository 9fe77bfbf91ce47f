import { describe, expect, it } from 'vitest';
import { createCategory, updateCategory } from '../../src/org/category-admin.service.js';
import { actorFromSession, login } from '../../src/users/auth.service.js';
import { createUser, resetUserPassword, updateUser } from '../../src/users/user.service.js';
import { findUserByUsername, insertSessionIfCredentialsHold } from '../../src/users/user.repository.js';
import { DomainError } from '../../src/shared/errors.js';
import { buildWorld, TEST_PASSWORD } from '../helpers/fixtures.js';
import { newOrder } from '../helpers/orders.js';
import { useWorld } from '../helpers/use-world.js';

const { database, w } = useWorld();

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof DomainError ? `${e.code}:${String(e.details.field ?? '')}` : String(e)),
  );

describe('category administration', () => {
  it('adds a category under a parent with the next level, and refuses a duplicate code', async () => {
    const parent = await createCategory(w.deps, w.actors.admin, { code: 'S1', name: '社会保障' });
    expect(parent).toMatchObject({ parentId: null, level: 1, active: true });
    const child = await createCategory(w.deps, w.actors.admin, { parentId: parent.id, code: 'S11', name: ' 养老保险 ' });
    expect(child).toMatchObject({ parentId: parent.id, level: 2, name: '养老保险', active: true });
    expect(await codeOf(createCategory(w.deps, w.actors.admin, { code: 'S1', name: '重复' }))).toBe('CONFLICT:code');
    expect(await codeOf(createCategory(w.deps, w.actors.supervisor, { code: 'S9', name: '无权' }))).toBe('FORBIDDEN:');
  });

  it('disabling takes the subtree out of intake; orders recorded before keep their category', async () => {
    const parent = await createCategory(w.deps, w.actors.admin, { code: 'T1', name: '交通运输' });
    const child = await createCategory(w.deps, w.actors.admin, { parentId: parent.id, code: 'T11', name: '出租车' });
    const old = await newOrder(w, { categoryId: child.id });
    const off = await updateCategory(w.deps, w.actors.admin, parent.id, { active: false });
    expect(off.active).toBe(false);
    const rows = await w.deps.db
      .selectFrom('categories')
      .select(['id', 'active'])
      .where('id', 'in', [parent.id, child.id])
      .execute();
    expect(rows.every((r) => !r.active)).toBe(true);
    expect(await codeOf(newOrder(w, { categoryId: child.id }))).toBe('VALIDATION:categoryId');
    const kept = await w.deps.db.selectFrom('orders').select('category_id').where('id', '=', old.id).executeTakeFirstOrThrow();
    expect(kept.category_id).toBe(child.id);
    // The child cannot come back while its parent is disabled; after the parent, it can.
    expect(await codeOf(updateCategory(w.deps, w.actors.admin, child.id, { active: true }))).toBe('VALIDATION:active');
    expect(await codeOf(createCategory(w.deps, w.actors.admin, { parentId: parent.id, code: 'T12', name: '公交' }))).toBe(
      'VALIDATION:parentId',
    );
    await updateCategory(w.deps, w.actors.admin, parent.id, { active: true });
    expect((await updateCategory(w.deps, w.actors.admin, child.id, { active: true })).active).toBe(true);
    expect((await newOrder(w, { categoryId: child.id })).category_id).toBe(child.id);
  });

  it('renames a category; another centre cannot see or change it', async () => {
    const renamed = await updateCategory(w.deps, w.actors.admin, w.categoryId, { name: '物业服务' });
    expect(renamed.name).toBe('物业服务');
    const other = await buildWorld(database);
    expect(await codeOf(updateCategory(w.deps, other.actors.admin, w.categoryId, { name: '越权' }))).toBe('NOT_FOUND:');
  });
});

describe('user administration', () => {
  it('changes name, unit and roles; the next request carries the new roles', async () => {
    const user = await createUser(w.deps, w.actors.security_admin, w.centreId, {
      username: `editme_${w.centreId.slice(0, 6)}`,
      displayName: '待修改',
      password: TEST_PASSWORD,
      unitId: w.units.centre.id,
      roles: ['operator'],
    });
    const again = {
      username: user.username,
      displayName: '重名',
      password: TEST_PASSWORD,
      unitId: w.units.centre.id,
      roles: ['operator'],
    };
    const taken = await createUser(w.deps, w.actors.security_admin, w.centreId, again).catch((e: DomainError) => e);
    expect((taken as DomainError).code).toBe('CONFLICT');
    expect((taken as DomainError).text.zh).toBe(`用户名 ${user.username} 已存在`);
    const elsewhere = { ...again, username: `nounit_${w.centreId.slice(0, 6)}`, unitId: crypto.randomUUID() };
    expect(await codeOf(createUser(w.deps, w.actors.security_admin, w.centreId, elsewhere))).toBe('VALIDATION:unitId');
    const session = await login(w.deps, user.username, TEST_PASSWORD);
    // The session lasts the configured hours, read from deps.settings (no caller passes its own).
    expect(session.expiresAt.getTime() - w.deps.clock.now().getTime()).toBe(w.deps.settings.sessionHours * 3600_000);
    const updated = await updateUser(w.deps, w.actors.security_admin, user.id, {
      displayName: '已修改',
      unitId: w.units.deptA1.id,
      roles: ['unit_handler', 'unit_admin'],
    });
    expect(updated).toMatchObject({
      displayName: '已修改',
      unitId: w.units.deptA1.id,
      roles: ['unit_handler', 'unit_admin'],
      active: true,
    });
    const actor = await actorFromSession(w.deps, session.token);
    expect(actor).toMatchObject({ roles: ['unit_handler', 'unit_admin'], unitId: w.units.deptA1.id, label: '已修改' });
    expect(await codeOf(updateUser(w.deps, w.actors.security_admin, user.id, { unitId: crypto.randomUUID() }))).toBe(
      'VALIDATION:unitId',
    );
    expect(await codeOf(updateUser(w.deps, w.actors.supervisor, user.id, { active: false }))).toBe('FORBIDDEN:');
  });

  it('a deactivated user cannot sign in and their open sessions end; reactivated, they sign in again', async () => {
    const session = await login(w.deps, w.usernames.analyst, TEST_PASSWORD);
    expect(await actorFromSession(w.deps, session.token)).not.toBeNull();
    const off = await updateUser(w.deps, w.actors.security_admin, w.actors.analyst.userId!, { active: false });
    expect(off.active).toBe(false);
    expect(await actorFromSession(w.deps, session.token)).toBeNull();
    const left = await w.deps.db
      .selectFrom('sessions')
      .select('token_hash')
      .where('user_id', '=', w.actors.analyst.userId!)
      .execute();
    expect(left).toEqual([]);
    expect(await codeOf(login(w.deps, w.usernames.analyst, TEST_PASSWORD))).toBe('UNAUTHENTICATED:');
    await updateUser(w.deps, w.actors.security_admin, w.actors.analyst.userId!, { active: true });
    expect(await codeOf(login(w.deps, w.usernames.analyst, TEST_PASSWORD))).toBe('ok');
  });

  it('a security administrator cannot deactivate themself or change their own roles', async () => {
    const self = w.actors.security_admin.userId!;
    expect(await codeOf(updateUser(w.deps, w.actors.security_admin, self, { active: false }))).toBe('VALIDATION:active');
    expect(await codeOf(updateUser(w.deps, w.actors.security_admin, self, { roles: ['supervisor'] }))).toBe('FORBIDDEN:');
    // The same roles again are no grant.
    expect((await updateUser(w.deps, w.actors.security_admin, self, { roles: ['security_admin'] })).roles).toEqual([
      'security_admin',
    ]);
  });

  it('a password reset ends the sessions; only the new password signs in', async () => {
    const session = await login(w.deps, w.usernames.auditor, TEST_PASSWORD);
    await resetUserPassword(w.deps, w.actors.security_admin, w.actors.auditor.userId!, 'Neues-Passwort-1');
    expect(await actorFromSession(w.deps, session.token)).toBeNull();
    expect(await codeOf(login(w.deps, w.usernames.auditor, TEST_PASSWORD))).toBe('UNAUTHENTICATED:');
    expect(await codeOf(login(w.deps, w.usernames.auditor, 'Neues-Passwort-1'))).toBe('ok');
    expect(await codeOf(resetUserPassword(w.deps, w.actors.security_admin, w.actors.auditor.userId!, 'short'))).toBe(
      'VALIDATION:password',
    );
  });

  it('a sign-in whose password check overlapped a reset keeps no session', async () => {
    const userId = w.actors.analyst.userId!;
    const old = (await findUserByUsername(database.db, w.usernames.analyst))!.password_hash;
    await resetUserPassword(w.deps, w.actors.security_admin, userId, 'Zweites-Passwort-2');
    const now = w.clock.now();
    const open = (verifiedHash: string) =>
      insertSessionIfCredentialsHold(database.db, {
        tokenHash: `t-${Math.random()}`,
        userId,
        verifiedHash,
        at: now,
        expiresAt: new Date(now.getTime() + 3600_000),
      });
    expect(await open(old)).toBe(false);
    const current = (await findUserByUsername(database.db, w.usernames.analyst))!.password_hash;
    expect(await open(current)).toBe(true);
    // Whatever the interleaving, a login with the old password never leaves a live session behind.
    let password = 'Zweites-Passwort-2';
    for (let i = 0; i < 4; i++) {
      const next = `Passwort-Runde-${i}`;
      const [signIn] = await Promise.allSettled([
        login(w.deps, w.usernames.analyst, password),
        resetUserPassword(w.deps, w.actors.security_admin, userId, next),
      ]);
      if (signIn.status === 'fulfilled') expect(await actorFromSession(w.deps, signIn.value.token)).toBeNull();
      password = next;
    }
  });

  it("an admin of another centre cannot touch this centre's users", async () => {
    const other = await buildWorld(database);
    expect(await codeOf(updateUser(w.deps, other.actors.security_admin, w.actors.operator.userId!, { active: false }))).toBe(
      'NOT_FOUND:',
    );
    expect(await codeOf(resetUserPassword(w.deps, other.actors.security_admin, w.actors.operator.userId!, 'Whatever-123'))).toBe(
      'NOT_FOUND:',
    );
  });
});
