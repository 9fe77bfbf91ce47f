import type { LabelTable } from './labels.js';
import type { InstructionStatus } from './leaders.js';

/** Where a 批示 stands, in words (timeline, inbox tab, leader's desk, refusals). */
export const INSTRUCTION_STATUS_LABELS: LabelTable<InstructionStatus> = {
  open: { zh: '待签收', en: 'To acknowledge' },
  acknowledged: { zh: '已签收，待答复', en: 'Acknowledged, to answer' },
  answered: { zh: '已答复', en: 'Answered' },
};
