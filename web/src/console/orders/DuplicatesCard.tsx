import { useWrite } from '../api/mutation';
import { Button, Card, List, Popconfirm, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../shared/i18n';
import { useOrderAction, useOrderDuplicates } from '../api/queries';
import type { Order, OrderState } from '../api/types';
import { formatTime, StateTag } from '../common/tags';
import { DuplicateEvidence } from '../knowledge/DuplicateEvidence';
import { knowledgeMessages } from '../knowledge/knowledge.messages';
import { orderMessages } from './orders.messages';

/** Orders nothing can be merged into (a closed one can: a repeat call about an answered matter). */
const NOT_A_MAIN: string[] = ['invalid', 'merged'];

/**
 * 重复件 of an order on its page: earlier orders that look like the same appeal and later ones that
 * named it, each with its score and reasons. Where this order may be merged, one click (confirmed)
 * makes it a duplicate of an earlier candidate that is still open (a later one is merged from its
 * own page, into this one). Hidden when there is nothing to show.
 */
export function DuplicatesCard({ order, canMerge }: { order: Order; canMerge: boolean }) {
  const t = useT(orderMessages);
  const k = useT(knowledgeMessages);
  const write = useWrite();
  const merge = useOrderAction();
  // Keyed under the order page, so an action or a live change of the order refetches it too.
  const q = useOrderDuplicates(order.id, order.state !== 'merged');
  const rows = [
    ...(q.data?.candidates ?? []).map((c) => ({ ...c, later: false })),
    ...(q.data?.laterMatches ?? []).map((c) => ({ ...c, likely: false, later: true })),
  ];
  if (rows.length === 0) return null;
  const mergeInto = (intoOrderId: string) =>
    write(() => merge.mutateAsync({ orderId: order.id, action: 'merge', version: order.version, body: { intoOrderId } }), {
      success: t('dup.merged'),
    });
  return (
    <Card title={t('dup.title')} size="small" style={{ marginTop: 16 }} data-testid="order-duplicates">
      <List
        size="small"
        dataSource={rows}
        renderItem={(c) => (
          <List.Item
            key={c.orderId}
            data-testid={`duplicate-${c.orderNo}`}
            actions={
              canMerge && !c.later && !NOT_A_MAIN.includes(c.state)
                ? [
                    <Popconfirm key="merge" title={t('dup.confirm', { no: c.orderNo })} onConfirm={() => mergeInto(c.orderId)}>
                      <Button size="small" danger={c.likely} loading={merge.isPending} data-testid={`merge-into-${c.orderNo}`}>
                        {k('assist.merge')}
                      </Button>
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space size={4} wrap>
                  <Link to={`/orders/${c.orderId}`}>{c.orderNo}</Link>
                  <span>{c.title}</span>
                  <StateTag state={c.state as OrderState} />
                </Space>
              }
              description={
                <Space size={4} wrap>
                  <Typography.Text type="secondary">
                    {c.later ? t('dup.later') : t('dup.earlier')} · {formatTime(c.acceptedAt)}
                  </Typography.Text>
                  <DuplicateEvidence candidate={c} />
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
