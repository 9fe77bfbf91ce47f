import { Button, Card, Empty, List, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../shared/i18n';
import { useOrders } from '../api/queries';
import { OPEN_STATES, type Order } from '../api/types';
import { formatTime, StateTag } from '../common/tags';
import { intakeMessages } from './intake.messages';
import { PHONE_REGEXP as PHONE } from '../../../../src/orders/phone';

/** The caller's earlier and open orders, found by phone as soon as the number is complete. */
export function CallerHistory({ phone, onMerge }: { phone: string; onMerge: (order: Order) => void }) {
  const t = useT(intakeMessages);
  const valid = PHONE.test(phone);
  const orders = useOrders({ callerPhone: phone, limit: 20 }, { enabled: valid });
  return (
    <Card title={t('history')} size="small" data-testid="caller-history">
      {!valid ? (
        <Typography.Text type="secondary">{t('historyHint')}</Typography.Text>
      ) : orders.data && orders.data.items.length === 0 ? (
        <Empty description={t('noHistory')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          size="small"
          loading={orders.isLoading}
          dataSource={orders.data?.items ?? []}
          renderItem={(o) => (
            <List.Item
              data-testid={`history-${o.orderNo}`}
              actions={
                OPEN_STATES.includes(o.state)
                  ? [
                      <Button key="m" size="small" onClick={() => onMerge(o)}>
                        {t('mergeHere')}
                      </Button>,
                    ]
                  : []
              }
            >
              <Space orientation="vertical" size={0}>
                <Space>
                  <Link to={`/orders/${o.id}`} target="_blank">
                    {o.orderNo}
                  </Link>
                  <StateTag state={o.state} />
                  <Typography.Text type="secondary">{formatTime(o.acceptedAt)}</Typography.Text>
                </Space>
                <Typography.Text>{o.title}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
