import type { Instant } from './orders.js';
import type { OrderState, Role } from './vocabulary.js';

/**
 * Leaders who act (issue 14): 包案, 批示, 疑难件 by hand, 会商, and the centre's setting whether leaders
 * may 催办 and issue a 督办单. The server's guards and the console's buttons read these lists.
 */
/** Who takes an order as its owner (包案) and writes a 批示 on it. */
export const CASE_OWNER_ROLES: readonly Role[] = ['leader'];
/** Who marks an order 疑难件 by hand and opens a 会商. */
export const DIFFICULT_MARKER_ROLES: readonly Role[] = ['leader', 'supervisor'];
export const CONSULT_OPENER_ROLES: readonly Role[] = ['leader', 'supervisor'];
/** The longest 批示, answer, opinion or conclusion the server accepts. */
export const LEADER_TEXT_MAX = 4000;
/** At most this many units take part in one 会商. */
export const CONSULT_UNITS_MAX = 10;

export const INSTRUCTION_STATUSES = ['open', 'acknowledged', 'answered'] as const;
export type InstructionStatus = (typeof INSTRUCTION_STATUSES)[number];

/** One 包案: the order, its leader, and the facts a leader reads first (state, deadline). */
export interface LeaderCaseView<At = Instant> {
  id: string;
  orderId: string;
  orderNo: string;
  title: string;
  orderState: OrderState;
  escalated: boolean;
  leadUnitName: string | null;
  deadlineDueAt: At | null;
  leaderId: string;
  leaderName: string;
  note: string | null;
  takenAt: At;
  endedAt: At | null;
  /** 批示 on the order still waiting for the unit (not yet answered). */
  openInstructions: number;
}

/** A 批示 and where it stands: written → 签收 by the lead unit → answered. */
export interface InstructionView<At = Instant> {
  id: string;
  orderId: string;
  orderNo: string;
  title: string;
  unitId: string;
  unitName: string;
  leaderId: string;
  leaderName: string;
  text: string;
  issuedAt: At;
  status: InstructionStatus;
  acknowledgedAt: At | null;
  acknowledgedByName: string | null;
  answer: string | null;
  answeredAt: At | null;
  answeredByName: string | null;
}

export interface ConsultationUnitView<At = Instant> {
  unitId: string;
  unitName: string;
  opinion: string | null;
  opinionAt: At | null;
  opinionByName: string | null;
}

/** A 会商: the topic, the units asked, their opinions, and the leader's conclusion. */
export interface ConsultationView<At = Instant> {
  id: string;
  orderId: string;
  orderNo: string;
  title: string;
  topic: string;
  openedById: string;
  openedByName: string;
  openedAt: At;
  conclusion: string | null;
  concludedAt: At | null;
  units: ConsultationUnitView<At>[];
}

/** Whether the centre lets leaders 催办 and issue a 督办单 (admins set it; supervisors always may). */
export interface LeaderSettingsView {
  leadersMayUrge: boolean;
  leadersMaySupervise: boolean;
}

export interface DifficultMarkView {
  orderId: string;
  /** Whether the order is a 疑难件 now. */
  escalated: boolean;
  /** False when the order was already so (nothing was written). */
  changed: boolean;
}
