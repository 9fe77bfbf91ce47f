import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { invalidateOrderPage } from '../api/queries';
import type { CurrentCallView, LiveCallView } from '../../shared/contract';
import { currentCallKey } from '../calls/calls-api';

/** One order changed somewhere the user may see (sent by GET /api/live). */
interface OrderChanged {
  id: number;
  orderId: string;
  action: string;
  toState: string | null;
}

/**
 * Subscribes to the server's change stream and refreshes the affected queries, so queues and boards
 * follow the work of others without a reload, and an operator's ringing call pops the intake.
 * EventSource reconnects by itself after a drop.
 */
export function useLiveUpdates(): boolean {
  const client = useQueryClient();
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    const source = new EventSource('/api/live');
    let dropped = false;
    source.onopen = () => {
      setConnected(true);
      // Changes made while the stream was down were not heard: refetch what is on screen.
      if (dropped) void client.invalidateQueries({ queryKey: ['orders'] });
      // A call may have rung between the last poll and this connection.
      void client.invalidateQueries({ queryKey: currentCallKey });
      dropped = false;
    };
    source.onerror = () => {
      dropped = true;
      setConnected(false);
    };
    source.addEventListener('order', (e) => {
      const change = JSON.parse((e as MessageEvent<string>).data) as OrderChanged;
      void client.invalidateQueries({ queryKey: ['orders'] });
      invalidateOrderPage(client, change.orderId);
      // Boards of other capabilities (deadlines, KPIs) read their own keys; refresh them too.
      void client.invalidateQueries({ predicate: (q) => q.meta?.live === true });
    });
    // Screen-pop (ADR 0140): the operator's own call arrives on the stream; the popper reads this key.
    source.addEventListener('call', (e) => {
      const call = JSON.parse((e as MessageEvent<string>).data) as LiveCallView;
      if (call.status === 'offered' || call.status === 'answered') {
        const current: CurrentCallView = { id: call.callId, status: call.status, offeredAt: new Date().toISOString() };
        client.setQueryData(currentCallKey, { call: current });
      } else void client.invalidateQueries({ queryKey: currentCallKey });
    });
    return () => source.close();
  }, [client]);
  return connected;
}
