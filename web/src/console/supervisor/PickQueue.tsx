import { Button, Card } from 'antd';
import type { Order } from '../api/types';
import { OrderTable } from '../orders/OrderTable';

interface PickQueueProps {
  title: string;
  orders: Order[] | undefined;
  loading: boolean;
  /** The label of each row's button, which opens the order in the side panel. */
  openLabel: string;
  /** Test ids: `${testId}` for the table, `${openTestId}-${orderNo}` for each row's button. */
  testId: string;
  openTestId: string;
  onPick: (order: Order) => void;
}

/** A centre desk's queue (审核, 回访): most urgent first, one button per row opening it beside. */
export function PickQueue({ title, orders, loading, openLabel, testId, openTestId, onPick }: PickQueueProps) {
  const pick = (x: Order) => (
    <Button size="small" data-testid={`${openTestId}-${x.orderNo}`} onClick={() => onPick(x)}>
      {openLabel}
    </Button>
  );
  return (
    <Card title={title}>
      <OrderTable orders={orders} loading={loading} actions={pick} actionsWidth={80} compact byDeadline testId={testId} />
    </Card>
  );
}
