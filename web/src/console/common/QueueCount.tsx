import { Badge } from 'antd';
import type { OrderList } from '../api/types';

/** Count of a queue as a badge; "200+" when the page is full. */
export function QueueCount({ list }: { list: OrderList | undefined }) {
  if (!list) return null;
  const n = list.items.length;
  return <Badge count={list.hasMore ? `${n}+` : n} showZero color={n ? '#1677ff' : '#bbb'} style={{ marginLeft: 6 }} />;
}
