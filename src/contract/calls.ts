import type { Instant } from './orders.js';
import type { OrderState } from './vocabulary.js';

export type CallStatusView = 'offered' | 'answered' | 'abandoned' | 'ended';

/** A call as the telephone system reported it (POST /api/calls, …/link); the caller's number is not echoed. */
export interface CallRecordView<At = Instant> {
  id: number;
  /** The telephone system's own id of the call. */
  callId: string;
  status: CallStatusView;
  hotlineNumber: string | null;
  operatorUserId: string | null;
  operatorExt: string | null;
  offeredAt: At;
  answeredAt: At | null;
  endedAt: At | null;
  waitSeconds: number | null;
  talkSeconds: number | null;
  recordingUrl: string | null;
  /** After a link: every order the call is linked to. */
  orderIds?: string[];
}

/** The operator's call now ringing or on the line: what the console polls to open the intake. */
export interface CurrentCallView<At = Instant> {
  id: number;
  status: CallStatusView;
  offeredAt: At;
}

/**
 * A change of the operator's own call, pushed on the live stream (`event: call`, ADR 0140): the
 * console pops the intake on `offered`/`answered`. The number is masked unless the reader holds pii.read.
 */
export interface LiveCallView {
  callId: number;
  status: CallStatusView;
  callerNumber: string | null;
  masked: boolean;
}

/** One earlier order of the caller, as the screen-pop lists them. */
export interface CallerOrderView<At = Instant> {
  id: string;
  orderNo: string;
  title: string;
  state: OrderState;
  acceptedAt: At;
  open: boolean;
}

/**
 * What the intake screen opens with for a call (GET /api/calls/:id/screen-pop): the number (masked
 * unless the reader holds pii.read), a repeat caller's name and address from their latest order,
 * their orders newest first (open ones marked), and the times the call timer counts from.
 */
export interface ScreenPopView<At = Instant> {
  call: {
    id: number;
    status: CallStatusView;
    offeredAt: At;
    answeredAt: At | null;
    endedAt: At | null;
    hotlineNumber: string | null;
  };
  callerNumber: string | null;
  masked: boolean;
  callerName: string | null;
  address: string | null;
  regionId: string | null;
  history: CallerOrderView<At>[];
}

/** A call linked to an order, for the order page's calls section and the 回访 panel. */
export interface OrderCallView<At = Instant> {
  id: number;
  status: CallStatusView;
  offeredAt: At;
  answeredAt: At | null;
  talkSeconds: number | null;
  recordingUrl: string | null;
}
