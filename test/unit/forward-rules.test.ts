import { describe, expect, it } from 'vitest';
import { forwardRefusal, forwardRoot, type ForwardFacts, type RuleUnit } from '../../src/orders/forward-rules.js';
import { checkTransition, type TransitionSubject } from '../../src/orders/order-transitions.js';
import type { UnitKind } from '../../src/contract/vocabulary.js';

const unit = (id: string, parentPath: string, kind: UnitKind): RuleUnit => ({
  id,
  name: id,
  path: `${parentPath}${id}/`,
  kind,
  active: true,
});
const centre = unit('c', '/', 'centre');
const county = unit('k', centre.path, 'county');
const government = unit('g', county.path, 'county');
const dept = unit('d', county.path, 'county_dept');
const town = unit('t', county.path, 'town');
const village = unit('v', town.path, 'village');
const otherCounty = unit('k2', centre.path, 'county');
const otherDept = unit('d2', otherCounty.path, 'county_dept');
const all = [centre, county, government, dept, town, village, otherCounty, otherDept];

const facts = (forwarder: RuleUnit, departmentWork = false, chain: string[] = []): ForwardFacts => ({
  forwarder,
  root: forwardRoot(forwarder, all),
  chainUnitIds: new Set(chain),
  departmentWork,
});
const allowed = (f: ForwardFacts) => all.filter((u) => forwardRefusal(f, u) === null).map((u) => u.id);

describe('the forwarding rule table (ADR 0116)', () => {
  it('lets a county government, seated under its county node, forward to the county departments and towns', () => {
    expect(forwardRoot(government, all)).toBe(county);
    expect(allowed(facts(government, false, [government.id]))).toEqual([dept.id, town.id]);
  });

  it('lets a county department forward to the towns of its county only', () => {
    expect(allowed(facts(dept, true, [government.id, dept.id]))).toEqual([town.id]);
  });

  it("passes a town's own work to its village committee, never a functional department's", () => {
    expect(allowed(facts(town, false, [government.id, town.id]))).toEqual([village.id]);
    expect(forwardRefusal(facts(town, true, [dept.id, town.id]), village)?.key).toBe('forward.noDepartmentWork');
  });

  it('refuses units already on the chain and units outside the subtree', () => {
    expect(forwardRefusal(facts(government, false, [government.id, dept.id]), dept)?.key).toBe('forward.inChain');
    expect(forwardRefusal(facts(government), otherDept)?.key).toBe('forward.notSubUnit');
  });
});

describe('hop moves in the transition table', () => {
  const actorAt = (u: RuleUnit) => ({ roles: ['unit_handler' as const], unitPath: u.path });
  const subject = (hop: TransitionSubject['hop']): TransitionSubject => ({
    state: 'handling',
    leadUnitPath: government.path,
    clockPaused: false,
    hop,
  });

  it('gives the bottom hop to its receiver and a waiting reply to its forwarder', () => {
    const pending = subject({ state: 'pending', fromUnitPath: government.path, toUnitPath: dept.path });
    expect(checkTransition(pending, 'hop_sign', actorAt(dept)).ok).toBe(true);
    expect(checkTransition(pending, 'hop_sign', actorAt(town))).toEqual({ ok: false, reason: 'unit' });
    expect(checkTransition(pending, 'forward', actorAt(dept))).toEqual({ ok: false, reason: 'hop' });
    expect(checkTransition(pending, 'reply', actorAt(government))).toEqual({ ok: false, reason: 'forwarded' });
    const replied = subject({ state: 'replied', fromUnitPath: government.path, toUnitPath: dept.path });
    expect(checkTransition(replied, 'hop_accept', actorAt(government)).ok).toBe(true);
    expect(checkTransition(replied, 'hop_accept', actorAt(dept))).toEqual({ ok: false, reason: 'unit' });
    expect(checkTransition(subject(null), 'hop_sign', actorAt(dept))).toEqual({ ok: false, reason: 'no_hop' });
    expect(checkTransition(subject(null), 'forward', actorAt(government)).ok).toBe(true);
  });
});
