import { describe, expect, it } from 'vitest';
import { forwardsOn, type ForwardChainView } from '../../src/contract/forwarding.js';
import { withForwardTargets } from '../../web/src/console/forwarding/forward-offer.js';

const chain = (targets: ForwardChainView['targets']) => ({ targets }) as ForwardChainView;
const street = { id: 'u1', name: '锡林浩特市希日塔拉街道', kind: 'town' as const };

describe('the order page offers 下派 only with a sub-unit to forward to', () => {
  it('keeps 下派 when the chain offers a sub-unit', () => {
    expect(withForwardTargets(['forward', 'reply'], chain([street]))).toEqual(['forward', 'reply']);
  });

  it('leaves 下派 out when no sub-unit may receive it (a village, a street holding department work)', () => {
    expect(withForwardTargets(['forward', 'hop_reply', 'hop_return'], chain([]))).toEqual(['hop_reply', 'hop_return']);
  });

  it('leaves 下派 out until the chain is known, and never touches the other actions', () => {
    expect(withForwardTargets(['sign', 'forward'], undefined)).toEqual(['sign']);
  });
});

describe('which kinds of unit may forward at all', () => {
  it('a village committee never (nothing receives from it); county governments, departments and towns do', () => {
    expect(forwardsOn('village')).toBe(false);
    expect((['county', 'county_dept', 'town', 'league_dept'] as const).map(forwardsOn)).toEqual([true, true, true, true]);
  });
});
