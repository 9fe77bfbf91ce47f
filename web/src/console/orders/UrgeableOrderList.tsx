import { useState, type ComponentProps } from 'react';
import { Space } from 'antd';
import { URGE_ROLES } from '../../shared/contract';
import type { Order } from '../api/types';
import { BulkButton } from '../queues/BulkButtons';
import { useSession } from '../shell/session';
import { OrderTable } from './OrderTable';

type Props = Omit<ComponentProps<typeof OrderTable>, 'selection'>;

/**
 * The plain order list of 工单查询; for the roles of order.urge (URGE_ROLES, the server's own list)
 * its rows can be selected and reminded together (批量催办, POST /api/orders/bulk).
 */
export function UrgeableOrderList(props: Props) {
  const me = useSession();
  const [selected, setSelected] = useState<Order[]>([]);
  const mayUrge = me.roles.some((r) => URGE_ROLES.includes(r));
  if (!mayUrge) return <OrderTable {...props} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={8}>
      <BulkButton action="urge" selected={selected} done={() => setSelected([])} />
      <OrderTable {...props} selection={{ keys: selected.map((o) => o.id), onChange: (_keys, rows) => setSelected(rows) }} />
    </Space>
  );
}
