import { describe, expect, it } from 'vitest';
import { insertUnit } from '../../src/org/unit.repository.js';
import { getPointsSettings, ledgerOf, myPoints, setPointsSettings } from '../../src/points/points.service.js';
import { usefulReportPointsHook } from '../../src/points/useful-report.hook.js';
import { requestOtp } from '../../src/portal/portal-otp.service.js';
import { openResidentSession, registerResident, registerSelf } from '../../src/residents/resident.service.js';
import { act, newOrder } from '../helpers/orders.js';
import { useWorld } from '../helpers/use-world.js';

const { w } = useWorld('2026-03-03T02:00:00Z');

const CLOSE = { reached: true, satisfaction: 'satisfied', resolved: true } as const;

async function village() {
  return insertUnit(w.deps.db, {
    centreId: w.centreId,
    parentId: w.units.townA2.id,
    parentPath: w.units.townA2.path,
    code: `U${Math.random().toString(36).slice(2, 7)}`,
    name: '富民村',
    kind: 'village',
  });
}

/** A resident who proved the phone with the portal's one-time code, and registered. */
async function verifiedResident(phone: string, unitId: string) {
  let code = '';
  await requestOtp(w.deps, { phone, clientIp: '127.0.0.7' }, (_, c) => (code = c));
  const session = await openResidentSession(w.deps, { phone, code });
  await registerSelf(w.deps, session.token, { name: '郝大姐', unitId });
  return session.token;
}

/** An appeal of this caller, handled by a unit and closed after the return visit. */
async function handledAndClosed(callerPhone: string, appealType: 'complaint' | 'consult' = 'complaint') {
  let o = await newOrder(w, { callerPhone, appealType });
  o = await act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.deptA1.id });
  o = await act(w, w.actors.unit_handler, o, 'sign', {});
  o = await act(w, w.actors.unit_handler, o, 'reply', { result: 'resolved', text: '已修复' });
  o = await act(w, w.actors.supervisor, o, 'review_accept', {});
  return act(w, w.actors.supervisor, o, 'visit_close', CLOSE);
}

describe('有效反映 points for a handled and closed appeal (issue 19)', () => {
  it('the verified resident earns the centre’s points once per order; questions, unverified phones and 0 earn nothing', async () => {
    const v = await village();
    expect(await getPointsSettings(w.deps, w.actors.admin)).toEqual({ usefulReportPoints: 0 });
    const token = await verifiedResident('13800138031', v.id);

    // the centre has not opted in: nothing
    await handledAndClosed('13800138031');
    expect((await myPoints(w.deps, token)).balance).toBe(0);

    await expect(setPointsSettings(w.deps, w.actors.unit_admin, { usefulReportPoints: 5 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await setPointsSettings(w.deps, w.actors.admin, { usefulReportPoints: 5 })).toEqual({ usefulReportPoints: 5 });

    const closed = await handledAndClosed('13800138031');
    const me = await myPoints(w.deps, token);
    expect(me.balance).toBe(5);
    expect(me.entries[0]).toMatchObject({ kind: 'useful_report', points: 5, note: closed.order_no });

    // a question answered earns nothing
    await handledAndClosed('13800138031', 'consult');
    expect((await myPoints(w.deps, token)).balance).toBe(5);

    // the same order closed again (a later check) earns nothing more
    await w.deps.db.transaction().execute(async (tx) => {
      await usefulReportPointsHook({
        tx,
        clock: w.clock,
        before: closed,
        after: closed,
        actor: w.actors.supervisor,
        at: w.clock.now(),
        outbox: [],
        action: 'check_close',
        payload: { reason: 'resolved_in_fact', explanation: '已核实解决' },
      });
    });
    expect((await myPoints(w.deps, token)).balance).toBe(5);

    // a phone typed in by staff and never proved by its owner earns nothing
    const typed = await registerResident(w.deps, w.actors.unit_admin, { name: '冒名', phone: '13800138032', unitId: v.id });
    await handledAndClosed('13800138032');
    expect((await ledgerOf(w.deps, w.actors.unit_admin, typed.id)).resident.balance).toBe(0);
  });

  it('an appeal handled but not yet closed earns nothing; sent back for re-handling, nothing either', async () => {
    const v = await village();
    await setPointsSettings(w.deps, w.actors.admin, { usefulReportPoints: 5 });
    const token = await verifiedResident('13800138033', v.id);
    let o = await newOrder(w, { callerPhone: '13800138033' });
    o = await act(w, w.actors.dispatcher, o, 'dispatch', { leadUnitId: w.units.deptA1.id });
    o = await act(w, w.actors.unit_handler, o, 'sign', {});
    o = await act(w, w.actors.unit_handler, o, 'reply', { result: 'resolved', text: '已修复' });
    o = await act(w, w.actors.supervisor, o, 'review_accept', {});
    expect(o.state).toBe('visiting');
    const back = await act(w, w.actors.supervisor, o, 'visit_rehandle', { resolved: false, reason: '未解决' });
    expect(back.state).not.toBe('closed');
    expect((await myPoints(w.deps, token)).balance).toBe(0);
  });
});
