import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, creditCodeProblem, normalizeCreditCode } from '../../src/contract/enterprise.js';
import { isDissatisfied } from '../../src/contract/vocabulary.js';
import { checkTransition } from '../../src/orders/order-transitions.js';

const centre = (role: string) => ({ roles: [role] as never, unitPath: '/c/' });

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts codes whose 18th character is the check character of the first 17', () => {
    expect(creditCodeProblem('91350100M000100Y43')).toBeNull();
    expect(creditCodeProblem('91110000802100433B')).toBeNull();
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('says what is wrong: length, characters outside the alphabet (I O S V Z, lower case), or the check character', () => {
    expect(creditCodeProblem('91350100M000100Y4')).toBe('length');
    expect(creditCodeProblem('91350100M000100YI3')).toBe('characters');
    expect(creditCodeProblem('91350100M000100Y44')).toBe('checkDigit');
    expect(normalizeCreditCode(' 9135 0100m000100y43 ')).toBe('91350100M000100Y43');
  });
});

describe('待核查 in the transition table (ADR 0135)', () => {
  it('a rating is dissatisfied when 不满意 or 未解决', () => {
    expect(isDissatisfied('dissatisfied', true)).toBe(true);
    expect(isDissatisfied('satisfied', false)).toBe(true);
    expect(isDissatisfied('basically_satisfied', true)).toBe(false);
  });

  it('重办 from 待回访 is the visiting staff’s, from 待核查 the supervisor’s alone', () => {
    const visiting = { state: 'visiting' as const, leadUnitPath: '/c/a/', clockPaused: false };
    const checking = { state: 'checking' as const, leadUnitPath: '/c/a/', clockPaused: false };
    expect(checkTransition(visiting, 'visit_rehandle', centre('operator')).ok).toBe(true);
    expect(checkTransition(checking, 'visit_rehandle', centre('operator'))).toEqual({ ok: false, reason: 'role' });
    expect(checkTransition(checking, 'visit_rehandle', centre('supervisor'))).toEqual({ ok: true, to: 'handling' });
    expect(checkTransition(checking, 'check_close', centre('supervisor'))).toEqual({ ok: true, to: 'closed' });
    expect(checkTransition(visiting, 'check_close', centre('supervisor'))).toEqual({ ok: false, reason: 'state' });
    expect(checkTransition(visiting, 'visit_check', centre('supervisor'))).toEqual({ ok: false, reason: 'role' });
  });
});
