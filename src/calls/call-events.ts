import type { CallStatus } from './call.table.js';
import type { CallEventInput } from './call.schemas.js';

/** The fields of a call that events set; the repository stores them. */
export interface CallState {
  status: CallStatus;
  offered_at: Date;
  answered_at: Date | null;
  ended_at: Date | null;
  wait_seconds: number | null;
  talk_seconds: number | null;
}

export type CallApply = { ok: true; state: CallState } | { ok: false; field: string; reason: string };

const seconds = (from: Date, to: Date) => Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));

/**
 * Applies one CTI event to a call (pure). Events may arrive late or twice: an event that is already
 * reflected changes nothing, and a call answered once is never turned into an abandoned one.
 */
export function applyCallEvent(current: CallState | null, e: CallEventInput): CallApply {
  const at = new Date(e.at);
  const offeredAt =
    current?.offered_at ??
    new Date(e.offeredAt ?? (e.waitSeconds !== undefined && e.event === 'answered' ? at.getTime() - e.waitSeconds * 1000 : at));
  if (offeredAt.getTime() > at.getTime()) return { ok: false, field: 'offeredAt', reason: 'after at' };
  const base: CallState = current ?? {
    status: 'offered',
    offered_at: offeredAt,
    answered_at: null,
    ended_at: null,
    wait_seconds: null,
    talk_seconds: null,
  };
  switch (e.event) {
    case 'offered':
      return { ok: true, state: base };
    case 'answered': {
      if (base.status === 'abandoned') return { ok: false, field: 'event', reason: 'call was abandoned' };
      const answeredAt = base.answered_at ?? at;
      return {
        ok: true,
        state: {
          ...base,
          status: base.status === 'ended' ? 'ended' : 'answered',
          answered_at: answeredAt,
          wait_seconds: base.wait_seconds ?? e.waitSeconds ?? seconds(base.offered_at, answeredAt),
        },
      };
    }
    case 'abandoned':
      if (base.answered_at) return { ok: false, field: 'event', reason: 'call was answered' };
      return {
        ok: true,
        state: {
          ...base,
          status: 'abandoned',
          ended_at: base.ended_at ?? at,
          wait_seconds: e.waitSeconds ?? seconds(base.offered_at, at),
        },
      };
    case 'ended': {
      const answeredAt = base.answered_at ?? (e.answeredAt ? new Date(e.answeredAt) : null);
      if (!answeredAt) {
        // Ended without ever being answered: the caller gave up in the queue.
        return applyCallEvent(base, { ...e, event: 'abandoned' });
      }
      if (answeredAt.getTime() < base.offered_at.getTime() || answeredAt.getTime() > at.getTime()) {
        return { ok: false, field: 'answeredAt', reason: 'outside the call' };
      }
      return {
        ok: true,
        state: {
          ...base,
          status: 'ended',
          answered_at: answeredAt,
          ended_at: at,
          wait_seconds: base.wait_seconds ?? e.waitSeconds ?? seconds(base.offered_at, answeredAt),
          talk_seconds: e.talkSeconds ?? seconds(answeredAt, at),
        },
      };
    }
  }
}
