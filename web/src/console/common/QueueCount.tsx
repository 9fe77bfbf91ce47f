import { Badge } from 'antd';
import type { OrderList } from '../api/types';

/** Count of a queue as a badge: the server's total ("10000+" past its counting cap). */
export function QueueCount({ list }: { list: OrderList | undefined }) {
  if (!list) return null;
  const n = list.total;
  return (
    <Badge
      count={list.totalCapped ? `${n}+` : n}
      overflowCount={99999}
      showZero
      color={n ? '#1677ff' : '#bbb'}
      style={{ marginLeft: 6 }}
    />
  );
}
