import { URGE_ROLES } from '../../shared/contract';
import type { OrderListParams } from '../api/queries';
import { BulkButton } from '../queues/BulkButtons';
import { ServerQueueTable } from '../queues/ServerQueueTable';
import { useSession } from '../shell/session';

interface OrderListQueueProps {
  /** The page's search fields (words or number, caller's phone, states, unit, dates, warning, 疑难件). */
  base: OrderListParams;
  unitNames: Map<string, string>;
  pageSize: number;
}

/**
 * The plain order list of 工单查询 as the `orders` queue: paged and sorted by the server, the person's
 * saved filters and columns; for the roles of order.urge (URGE_ROLES, the server's own list) its rows
 * can be selected and reminded together (批量催办, POST /api/orders/bulk).
 */
export function OrderListQueue({ base, unitNames, pageSize }: OrderListQueueProps) {
  const me = useSession();
  const mayUrge = me.roles.some((r) => URGE_ROLES.includes(r));
  return (
    <ServerQueueTable
      // New search fields start again at page one with no selection.
      key={JSON.stringify(base)}
      queue="orders"
      base={base}
      unitNames={unitNames}
      testId="order-list"
      initialSort="accepted"
      initialPageSize={pageSize}
      bulk={mayUrge ? (selected, clear) => <BulkButton action="urge" selected={selected} done={clear} /> : undefined}
    />
  );
}
