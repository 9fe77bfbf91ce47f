import { describe, expect, it } from 'vitest';
import { insertUnit } from '../../src/org/unit.repository.js';
import { myPoints } from '../../src/points/points.service.js';
import { requestOtp } from '../../src/portal/portal-otp.service.js';
import { openResidentSession, registerSelf } from '../../src/residents/resident.service.js';
import {
  claimWish,
  fulfilWish,
  confirmAsResident,
  moderateWish,
  postWishAsResident,
  registerClaimer,
  setWishSettings,
  wishesFor,
  wishPhoto,
  wishRates,
} from '../../src/wishes/wish.service.js';
import { wishWall } from '../../src/wishes/wish-wall.service.js';
import { insertUser } from '../../src/users/user.repository.js';
import type { Actor } from '../../src/users/roles.js';
import { useWorld } from '../helpers/use-world.js';

const { w } = useWorld('2026-05-04T02:00:00Z');
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4470000000049454e44ae426082',
  'hex',
);

async function person(name: string, unit = w.units.deptB1): Promise<Actor> {
  const u = await insertUser(w.deps.db, {
    centreId: w.centreId,
    unitId: unit.id,
    username: `${name}_${Math.random().toString(36).slice(2, 7)}`,
    displayName: name,
    passwordHash: 'x',
    roles: ['unit_handler'],
  });
  return {
    kind: 'user',
    userId: u.id,
    centreId: w.centreId,
    unitId: unit.id,
    unitPath: unit.path,
    roles: ['unit_handler'],
    label: name,
  };
}

async function residentSession(phone: string, villageId: string, name: string) {
  let code = '';
  await requestOtp(w.deps, { phone, clientIp: '127.0.0.7' }, (_, c) => (code = c));
  const s = await openResidentSession(w.deps, { phone, code });
  await registerSelf(w.deps, s.token, { name, unitId: villageId });
  return s.token;
}

describe('微心愿 (issue 19)', () => {
  it('moderation, rank windows, a concurrent double claim, fulfil with photo, confirm → points, wall masked, rates', async () => {
    const village = await insertUnit(w.deps.db, {
      centreId: w.centreId,
      parentId: w.units.townA2.id,
      parentPath: w.units.townA2.path,
      code: 'VW1',
      name: '富康村',
      kind: 'village',
    });
    await setWishSettings(w.deps, w.actors.admin, { memberHours: 48, teamHours: 24, points: 15 });
    const member = await person('党员甲');
    const member2 = await person('党员乙');
    const team = await person('班子成员丙');
    const principal = await person('主要领导丁');
    await registerClaimer(w.deps, w.actors.admin, { userId: member.userId!, rank: 'member' });
    await registerClaimer(w.deps, w.actors.admin, { userId: member2.userId!, rank: 'member' });
    await registerClaimer(w.deps, w.actors.admin, { userId: team.userId!, rank: 'team' });
    await registerClaimer(w.deps, w.actors.admin, { userId: principal.userId!, rank: 'principal' });
    // a unit admin registers only people of their own subtree
    await expect(registerClaimer(w.deps, w.actors.unit_admin, { userId: member.userId!, rank: 'team' })).rejects.toMatchObject({
      code: 'VALIDATION',
    });

    const token = await residentSession('13700001234', village.id, '刘桂芳');
    const { id } = await postWishAsResident(w.deps, token, { title: '想要一台收音机', detail: '独居老人，想听广播' });
    // not on the wall before the community's review; the community reviews, another county cannot
    expect((await wishWall(w.deps, { state: 'open' })).wishes.map((x) => x.id)).not.toContain(id);
    await expect(moderateWish(w.deps, w.actors.handlerB, id, { approve: true })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(claimWish(w.deps, member, id, {})).rejects.toMatchObject({ code: 'CONFLICT' });
    await moderateWish(w.deps, w.actors.unit_admin, id, { approve: true });

    // the windows: the team waits 48 h, the principal 72 h
    await expect(claimWish(w.deps, team, id, {})).rejects.toMatchObject({
      code: 'CONFLICT',
      text: { zh: expect.stringContaining('逐级认领') },
    });
    await expect(claimWish(w.deps, principal, id, {})).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(claimWish(w.deps, w.actors.analyst, id, {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const seen = (await wishesFor(w.deps, team, {})).wishes.find((x) => x.id === id)!;
    expect(seen.claimableFrom!.toISOString()).toBe('2026-05-06T02:00:00.000Z');
    expect(seen.posterName).toBe('刘**'); // a claimer outside the community sees the name masked

    // two members at once: exactly one wins
    const race = await Promise.allSettled([claimWish(w.deps, member, id, {}), claimWish(w.deps, member2, id, {})]);
    expect(race.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(race.filter((r) => r.status === 'rejected')).toHaveLength(1);
    const winner = race[0]!.status === 'fulfilled' ? member : member2;
    const loser = winner === member ? member2 : member;
    await expect(fulfilWish(w.deps, loser, id, { proofText: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      fulfilWish(w.deps, winner, id, { proofText: '送去了', photoBase64: Buffer.from('<html>').toString('base64') }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    const done = await fulfilWish(w.deps, winner, id, { proofText: '收音机已送到老人家中', photoBase64: PNG.toString('base64') });
    expect(done).toMatchObject({ state: 'fulfilled', hasPhoto: true });
    const proof = await wishPhoto(w.deps, winner, id);
    const other = Buffer.concat([PNG, Buffer.from('another picture')]);
    await expect(
      fulfilWish(w.deps, winner, id, { proofText: '再交一次', photoBase64: other.toString('base64') }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await wishPhoto(w.deps, winner, id)).bytes.equals(proof.bytes)).toBe(true);
    expect((await wishWall(w.deps, { state: 'claimed' })).wishes.map((x) => x.id)).toContain(id);

    const confirmed = await confirmAsResident(w.deps, token, id);
    expect(confirmed.pointsAwarded).toBe(15);
    await expect(confirmAsResident(w.deps, token, id)).rejects.toMatchObject({ code: 'CONFLICT' });
    const me = await myPoints(w.deps, token);
    expect(me.balance).toBe(15);
    expect(me.entries[0]).toMatchObject({ kind: 'wish_fulfilled', points: 15 });

    const wall = await wishWall(w.deps, { state: 'done' });
    const card = wall.wishes.find((x) => x.id === id)!;
    expect(card).toMatchObject({ posterName: '刘**', unitName: '富康村', claimedUnitName: 'B旗住建局' });
    expect(JSON.stringify(wall)).not.toContain('13700001234');
    expect(JSON.stringify(wall)).not.toContain('党员');

    const rates = await wishRates(w.deps, w.actors.analyst);
    expect(rates.communities.find((c) => c.name === '富康村')).toMatchObject({
      posted: 1,
      claimed: 1,
      confirmed: 1,
      claimRate: 1,
      completionRate: 1,
    });
    expect(rates.units.find((c) => c.name === 'B旗住建局')).toMatchObject({
      claimed: 1,
      confirmed: 1,
      claimRate: null,
      completionRate: 1,
    });
  });

  it('after the windows the team, then the principal, then a unit collectively may claim', async () => {
    const village = await insertUnit(w.deps.db, {
      centreId: w.centreId,
      parentId: w.units.townA2.id,
      parentPath: w.units.townA2.path,
      code: 'VW2',
      name: '新村',
      kind: 'village',
    });
    await setWishSettings(w.deps, w.actors.admin, { memberHours: 2, teamHours: 1, points: 5 });
    const team = await person('班子成员');
    await registerClaimer(w.deps, w.actors.admin, { userId: team.userId!, rank: 'team' });
    const token = await residentSession('13700005678', village.id, '陈大爷');
    const a = await postWishAsResident(w.deps, token, { title: '修一把椅子', detail: '椅子腿坏了' });
    const b = await postWishAsResident(w.deps, token, { title: '买些药', detail: '行动不便' });
    await moderateWish(w.deps, w.actors.unit_admin, a.id, { approve: true });
    await moderateWish(w.deps, w.actors.unit_admin, b.id, { approve: true });
    await expect(claimWish(w.deps, w.actors.unit_admin, b.id, { collective: true })).rejects.toMatchObject({ code: 'CONFLICT' });
    w.clock.advance(2 * 3600_000);
    expect(await claimWish(w.deps, team, a.id, {})).toMatchObject({ state: 'claimed', claimRank: 'team' });
    w.clock.advance(3600_000);
    expect(await claimWish(w.deps, w.actors.unit_admin, b.id, { collective: true })).toMatchObject({
      state: 'claimed',
      collective: true,
      claimedUnitName: 'A旗',
    });
    // the community's staff of another county never see these wishes
    expect((await wishesFor(w.deps, w.actors.handlerB, {})).wishes.map((x) => x.id)).not.toContain(a.id);
  });
});
