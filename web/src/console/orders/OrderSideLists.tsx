import { Card, Col, List, Row, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../shared/i18n';
import type { OrderDetail } from '../api/types';
import { formatTime, StateTag } from '../common/tags';
import { labels } from '../common/labels.messages';
import { orderMessages } from './orders.messages';

/** The order's units, linked orders and attachments beside its page. */
export function OrderSideLists({ detail }: { detail: OrderDetail }) {
  const t = useT(orderMessages);
  const l = useT(labels);
  return (
    <Row gutter={16} style={{ marginTop: 16 }}>
      <Col span={12}>
        <Card title={t('detail.assignments')} size="small">
          <List
            size="small"
            dataSource={detail.assignments}
            data-testid="order-assignments"
            renderItem={(a) => (
              <List.Item>
                <Space>
                  <Tag color={a.role === 'lead' ? 'blue' : 'default'}>{l(`assign.${a.role}`)}</Tag>
                  <Typography.Text delete={!a.active}>{a.unit_name}</Typography.Text>
                  {a.signed_at && (
                    <Typography.Text type="secondary">
                      {t('detail.signedAt')} {formatTime(a.signed_at)}
                    </Typography.Text>
                  )}
                </Space>
              </List.Item>
            )}
          />
        </Card>
      </Col>
      <Col span={12}>
        <Card title={t('detail.attachments')} size="small">
          <List
            size="small"
            dataSource={detail.attachments}
            data-testid="order-attachments"
            renderItem={(f) => (
              <List.Item>
                <a href={`/api/attachments/${f.id}`}>{f.fileName}</a> ({Math.ceil(f.sizeBytes / 1024)} KB)
              </List.Item>
            )}
          />
        </Card>
        {detail.links.length > 0 && (
          <Card title={t('detail.links')} size="small" style={{ marginTop: 16 }}>
            <List
              size="small"
              dataSource={detail.links}
              renderItem={(k) => (
                <List.Item>
                  <Link to={`/orders/${k.id}`}>{k.order_no}</Link> {k.title} <StateTag state={k.state} />
                </List.Item>
              )}
            />
          </Card>
        )}
      </Col>
    </Row>
  );
}
