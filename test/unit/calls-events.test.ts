import { describe, expect, it } from 'vitest';
import { applyCallEvent, type CallState } from '../../src/calls/call-events.js';

const offered = (at: string): CallState => ({
  status: 'offered',
  offered_at: new Date(at),
  answered_at: null,
  ended_at: null,
  wait_seconds: null,
  talk_seconds: null,
});

describe('applyCallEvent', () => {
  it('computes wait and talk seconds from the events', () => {
    const a = applyCallEvent(offered('2025-03-03T02:00:00Z'), { callId: 'x', event: 'answered', at: '2025-03-03T02:00:12Z' });
    expect(a.ok && a.state).toMatchObject({ status: 'answered', wait_seconds: 12 });
    const e = applyCallEvent(a.ok ? a.state : null, { callId: 'x', event: 'ended', at: '2025-03-03T02:05:12Z' });
    expect(e.ok && e.state).toMatchObject({ status: 'ended', wait_seconds: 12, talk_seconds: 300 });
  });

  it('turns an unanswered end into an abandoned call, and never abandons an answered one', () => {
    const e = applyCallEvent(offered('2025-03-03T02:00:00Z'), { callId: 'x', event: 'ended', at: '2025-03-03T02:00:30Z' });
    expect(e.ok && e.state).toMatchObject({ status: 'abandoned', wait_seconds: 30 });
    const answered = applyCallEvent(null, { callId: 'y', event: 'answered', at: '2025-03-03T02:00:05Z', waitSeconds: 5 });
    expect(answered.ok && answered.state.offered_at.toISOString()).toBe('2025-03-03T02:00:00.000Z');
    const bad = applyCallEvent(answered.ok ? answered.state : null, {
      callId: 'y',
      event: 'abandoned',
      at: '2025-03-03T02:01:00Z',
    });
    expect(bad).toEqual({ ok: false, field: 'event', reason: 'call was answered' });
  });

  it('is idempotent for a repeated answer', () => {
    const first = applyCallEvent(offered('2025-03-03T02:00:00Z'), { callId: 'x', event: 'answered', at: '2025-03-03T02:00:08Z' });
    const again = applyCallEvent(first.ok ? first.state : null, { callId: 'x', event: 'answered', at: '2025-03-03T02:00:40Z' });
    expect(again).toEqual(first);
  });
});
