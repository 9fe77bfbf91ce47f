import type { ConsultationView, InstructionView, LeaderCaseView } from '../contract/leaders.js';
import type { listLeaderCases } from './leader-case.repository.js';
import type { listInstructions } from './instruction.repository.js';
import type { listConsultations, listConsultationUnits } from './consultation.repository.js';

type Row<F extends (...args: never[]) => Promise<unknown[]>> = Awaited<ReturnType<F>>[number];

const EXCERPT_CHARS = 40;
/** The start of a written text for a notice line. */
export const excerptOf = (text: string) =>
  [...text].length > EXCERPT_CHARS ? `${[...text].slice(0, EXCERPT_CHARS).join('')}…` : text;

export const presentCase = (r: Row<typeof listLeaderCases>): LeaderCaseView<Date> => ({
  id: r.id,
  orderId: r.order_id,
  orderNo: r.order_no,
  title: r.title,
  orderState: r.order_state,
  escalated: r.escalated,
  leadUnitName: r.lead_unit_name,
  deadlineDueAt: r.deadline_due_at,
  leaderId: r.leader_id,
  leaderName: r.leader_name,
  note: r.note,
  takenAt: r.taken_at,
  endedAt: r.ended_at,
  openInstructions: Number(r.open_instructions ?? 0),
});

export const presentInstruction = (r: Row<typeof listInstructions>): InstructionView<Date> => ({
  id: r.id,
  orderId: r.order_id,
  orderNo: r.order_no,
  title: r.title,
  unitId: r.unit_id,
  unitName: r.unit_name,
  leaderId: r.leader_id,
  leaderName: r.leader_name,
  text: r.text,
  issuedAt: r.issued_at,
  status: r.status,
  acknowledgedAt: r.acknowledged_at,
  acknowledgedByName: r.acknowledged_by_name,
  answer: r.answer,
  answeredAt: r.answered_at,
  answeredByName: r.answered_by_name,
});

export const presentConsultations = (
  rows: Row<typeof listConsultations>[],
  units: Row<typeof listConsultationUnits>[],
): ConsultationView<Date>[] =>
  rows.map((c) => ({
    id: c.id,
    orderId: c.order_id,
    orderNo: c.order_no,
    title: c.title,
    topic: c.topic,
    openedById: c.opened_by,
    openedByName: c.opened_by_name,
    openedAt: c.opened_at,
    conclusion: c.conclusion,
    concludedAt: c.concluded_at,
    units: units
      .filter((u) => u.consultation_id === c.id)
      .map((u) => ({
        unitId: u.unit_id,
        unitName: u.unit_name,
        opinion: u.opinion,
        opinionAt: u.opinion_at,
        opinionByName: u.opinion_by_name,
      })),
  }));
