import { describe, expect, it } from 'vitest';
import { availableActions, checkTransition, isComplexMatter, TRANSITIONS } from '../../src/orders/order-transitions.js';
import { ORDER_STATES, FINAL_STATES } from '../../src/orders/order.constants.js';
import { ACTION_PAYLOADS } from '../../src/orders/order-actions.schemas.js';

const centre = (role: string) => ({ roles: [role] as never, unitPath: '/c/' });
const unitAt = (path: string) => ({ roles: ['unit_handler'] as never, unitPath: path });

describe('transition table', () => {
  it('has exactly one rule per action with a payload schema, over known states', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual(Object.keys(ACTION_PAYLOADS).sort());
    for (const rule of Object.values(TRANSITIONS)) {
      for (const s of rule.from) expect(ORDER_STATES).toContain(s);
      if (rule.to !== 'same') expect(ORDER_STATES).toContain(rule.to);
      // Someone may take every move: staff roles, or a system actor (the citizen's own rating, visit_check).
      expect(rule.roles.length + (rule.systemRoles?.length ?? 0)).toBeGreaterThan(0);
    }
  });

  it('lets nothing leave a final state, except undoing a merge (撤销并单, issue #5)', () => {
    for (const state of FINAL_STATES) {
      for (const role of ['operator', 'dispatcher', 'supervisor', 'admin']) {
        const undo = state === 'merged' && role !== 'admin' ? ['unmerge'] : [];
        expect(availableActions({ state, leadUnitPath: null, clockPaused: false }, centre(role))).toEqual(undo);
      }
    }
  });

  it('walks the closed loop: accept → dispatch → sign → reply → review → visit → close', () => {
    const lead = '/c/a/a1/';
    const steps: [string, string, { roles: never; unitPath: string }, string][] = [
      ['accepted', 'dispatch', centre('dispatcher'), 'dispatched'],
      ['dispatched', 'sign', unitAt(lead), 'handling'],
      ['handling', 'record_contact', unitAt(lead), 'handling'],
      ['handling', 'reply', unitAt(lead), 'replied'],
      ['replied', 'review_accept', centre('supervisor'), 'visiting'],
      ['visiting', 'visit_close', centre('supervisor'), 'closed'],
    ];
    for (const [from, action, actor, to] of steps) {
      expect(checkTransition({ state: from as never, leadUnitPath: lead, clockPaused: false }, action as never, actor)).toEqual({
        ok: true,
        to,
      });
    }
  });

  it('refuses a wrong state, a wrong role and a unit outside the lead unit', () => {
    expect(checkTransition({ state: 'accepted', leadUnitPath: null, clockPaused: false }, 'sign', unitAt('/c/a/'))).toEqual({
      ok: false,
      reason: 'state',
    });
    expect(checkTransition({ state: 'accepted', leadUnitPath: null, clockPaused: false }, 'dispatch', centre('leader'))).toEqual({
      ok: false,
      reason: 'role',
    });
    expect(
      checkTransition({ state: 'dispatched', leadUnitPath: '/c/a/a1/', clockPaused: false }, 'sign', unitAt('/c/b/')),
    ).toEqual({
      ok: false,
      reason: 'unit',
    });
  });

  it('lets a parent unit act for its sub-unit, but not a sub-unit for its parent', () => {
    expect(
      checkTransition({ state: 'dispatched', leadUnitPath: '/c/a/a1/', clockPaused: false }, 'sign', unitAt('/c/a/')).ok,
    ).toBe(true);
    expect(
      checkTransition({ state: 'dispatched', leadUnitPath: '/c/a/', clockPaused: false }, 'sign', unitAt('/c/a/a1/')).ok,
    ).toBe(false);
  });

  it('routes returns and extensions to the dispatcher only', () => {
    for (const action of ['approve_return', 'reject_return'] as const) {
      expect(
        checkTransition({ state: 'return_requested', leadUnitPath: '/c/a/', clockPaused: false }, action, centre('dispatcher'))
          .ok,
      ).toBe(true);
      expect(
        checkTransition({ state: 'return_requested', leadUnitPath: '/c/a/', clockPaused: false }, action, unitAt('/c/a/')).ok,
      ).toBe(false);
    }
    expect(
      checkTransition(
        { state: 'extension_requested', leadUnitPath: '/c/a/', clockPaused: false },
        'approve_extension',
        centre('dispatcher'),
      ),
    ).toEqual({ ok: true, to: 'handling' });
  });

  it('offers pausing only while the clock runs and resuming only while it is paused', () => {
    const lead = '/c/a/';
    const running = { state: 'handling' as const, leadUnitPath: lead, clockPaused: false };
    const paused = { ...running, clockPaused: true };
    expect(availableActions(running, unitAt(lead))).toContain('wait_for_citizen');
    expect(availableActions(running, unitAt(lead))).not.toContain('resume_clock');
    expect(availableActions(paused, unitAt(lead))).toContain('resume_clock');
    expect(availableActions(paused, unitAt(lead))).not.toContain('wait_for_citizen');
    expect(checkTransition(running, 'resume_clock', centre('dispatcher'))).toEqual({ ok: false, reason: 'clock' });
    expect(checkTransition(paused, 'suspend', centre('dispatcher'))).toEqual({ ok: false, reason: 'clock' });
    // Role and unit are refused before the clock is looked at: an outsider learns nothing about it.
    expect(checkTransition(running, 'resume_clock', centre('leader'))).toEqual({ ok: false, reason: 'role' });
  });

  it('offers 阶段性答复 on complex matters only: priority 4 or a 疑难件 (ADR 0155)', () => {
    const lead = '/c/a/';
    const general = { state: 'handling' as const, leadUnitPath: lead, clockPaused: false, complex: false };
    expect(availableActions(general, unitAt(lead))).not.toContain('progress_report');
    expect(checkTransition(general, 'progress_report', unitAt(lead))).toEqual({ ok: false, reason: 'not_complex' });
    expect(availableActions({ ...general, complex: true }, unitAt(lead))).toContain('progress_report');
    // another unit still learns nothing about the order
    expect(checkTransition(general, 'progress_report', unitAt('/c/b/'))).toEqual({ ok: false, reason: 'unit' });
    expect(isComplexMatter({ priority: 4, escalated: false })).toBe(true);
    expect(isComplexMatter({ priority: 3, escalated: true })).toBe(true);
    expect(isComplexMatter({ priority: 3, escalated: false })).toBe(false);
  });
});
