import type { ForwardChainView } from '../../shared/contract';
import type { OrderAction } from '../api/types';

/**
 * The order page's buttons: 下派 only once the chain is known and offers this user a sub-unit. The
 * lifecycle allows the holder to forward, but a village committee has no sub-unit and a street holding
 * a department's work may not pass it to its 社区 (ADR 0116): a button leading to an empty list is left out.
 */
export const withForwardTargets = (actions: readonly OrderAction[], chain: ForwardChainView | undefined): OrderAction[] =>
  actions.filter((a) => a !== 'forward' || (chain?.targets.length ?? 0) > 0);
