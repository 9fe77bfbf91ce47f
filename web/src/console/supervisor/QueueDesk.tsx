import { useState, type ReactNode } from 'react';
import { Button, Card, Col, Empty, Row } from 'antd';
import { useOrders } from '../api/queries';
import type { Order, OrderState } from '../api/types';
import { OrderTable } from '../orders/OrderTable';

interface QueueDeskProps {
  /** The orders of the desk: all in this state, most urgent first. */
  state: OrderState;
  /** Test ids: `${name}-list`, `${name}-open-${orderNo}` and `${name}-panel` (nothing picked yet). */
  name: string;
  title: string;
  /** The label of each row's button, which opens the order in the panel beside the list. */
  openLabel: string;
  /** Shown in the panel until an order is picked. */
  pickHint: string;
  /** The panel of the picked order; `done` empties it (the order has left the queue). */
  panel: (order: Order, done: () => void) => ReactNode;
  /** Orders of the desk in another state (回访台: the sampled 直办 orders, ADR 0202), listed after the state's. */
  extra?: readonly Order[];
  /** Words ahead of a row's title (回访台: 直办抽样 and the state of its SMS link). */
  tag?: (order: Order) => ReactNode;
}

/** A centre desk (答复审核, 回访台): its queue on the left, the picked order worked on the right. */
export function QueueDesk({ state, name, title, openLabel, pickHint, panel, extra, tag }: QueueDeskProps) {
  const queue = useOrders({ state, limit: 200 });
  const [pickedId, setPickedId] = useState<string | null>(null);
  const orders = queue.data && extra ? [...queue.data.items, ...extra] : queue.data?.items;
  const picked = orders?.find((x) => x.id === pickedId) ?? null;
  const open = (x: Order) => (
    <Button size="small" data-testid={`${name}-open-${x.orderNo}`} onClick={() => setPickedId(x.id)}>
      {openLabel}
    </Button>
  );
  return (
    <Row gutter={16}>
      <Col xs={24} xl={13}>
        <Card title={title}>
          <OrderTable
            orders={orders}
            loading={queue.isLoading}
            actions={open}
            actionsWidth={80}
            marker={tag}
            compact
            byDeadline
            testId={`${name}-list`}
          />
        </Card>
      </Col>
      <Col xs={24} xl={11}>
        {picked ? (
          panel(picked, () => setPickedId(null))
        ) : (
          <Card title={title} data-testid={`${name}-panel`}>
            <Empty description={pickHint} />
          </Card>
        )}
      </Col>
    </Row>
  );
}
