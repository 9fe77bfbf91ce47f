/** Order constants of the server; the vocabulary itself is the contract's (src/contract/vocabulary.ts). */
export {
  APPEAL_TYPES,
  CHANNELS,
  FINAL_STATES,
  INVALID_REASONS,
  OPEN_STATES,
  ORDER_STATES,
  REPLY_RESULTS,
  SATISFACTION,
} from '../contract/vocabulary.js';
export type { AppealType, Channel, OrderState } from '../contract/vocabulary.js';

/** After this many re-handlings or re-dispatches an order becomes a 疑难件 (escalated). */
export const ESCALATION_THRESHOLD = 3;
