import { useEffect, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useCurrentCall } from './calls-api';

/**
 * Screen-pop (ADR 0080, 0140): when the telephone system offers or connects a call to this operator,
 * the intake opens on it — told by the live stream (`live`), or by polling while the stream is down.
 * Each call pops once, so an operator who navigates away mid-call is not pulled back.
 */
export function useCallPopper(takesCalls: boolean, live: boolean) {
  const current = useCurrentCall(takesCalls, live);
  const navigate = useNavigate();
  const location = useLocation();
  const popped = useRef<number | null>(null);
  const callId = current.data?.call?.id ?? null;
  useEffect(() => {
    if (callId === null || popped.current === callId) return;
    popped.current = callId;
    const target = `/intake?call=${callId}`;
    if (`${location.pathname}${location.search}` !== target) void navigate(target);
  }, [callId, location.pathname, location.search, navigate]);
}
