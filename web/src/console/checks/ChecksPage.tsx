import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Empty, Row, Space, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../shared/i18n';
import type { CheckQueueRow, OrderAction } from '../../shared/contract';
import { labels } from '../common/labels.messages';
import { formatTime, RehandleTag } from '../common/tags';
import { ActionDialog } from '../orders/ActionDialog';
import { useChecks } from './checks-api';
import { checkMessages } from './checks.messages';

/** 不满意核查 (ADR 0135): the queue of dissatisfied web ratings on the left, the decision on the right. */
export function ChecksPage() {
  const t = useT(checkMessages);
  const l = useT(labels);
  const checks = useChecks();
  const [pickedId, setPickedId] = useState<string | null>(null);
  const picked = checks.data?.rows.find((r) => r.orderId === pickedId) ?? null;
  const rating = (r: CheckQueueRow) => (
    <Space size={4} wrap>
      {r.satisfaction && <Tag color={r.satisfaction === 'dissatisfied' ? 'red' : 'gold'}>{l(`sat.${r.satisfaction}`)}</Tag>}
      {r.resolved === false && <Tag color="red">{l('resolved.false')}</Tag>}
    </Space>
  );
  return (
    <div data-testid="ChecksPage">
      <Alert type="info" title={t('checks.intro')} style={{ marginBottom: 12 }} showIcon />
      <Row gutter={16}>
        <Col xs={24} xl={13}>
          <Card title={`${t('checks.title')} (${checks.data?.total ?? 0})`}>
            <Table<CheckQueueRow>
              rowKey="orderId"
              size="small"
              loading={checks.isLoading}
              dataSource={checks.data?.rows}
              pagination={false}
              locale={{ emptyText: t('checks.empty') }}
              data-testid="checks-list"
              columns={[
                {
                  title: t('checks.order'),
                  key: 'order',
                  render: (_, r) => (
                    <Space direction="vertical" size={0}>
                      <Link to={`/orders/${r.orderId}`}>{r.orderNo}</Link>
                      <span>
                        {r.title} {r.rehandleCount > 0 && <RehandleTag count={r.rehandleCount} />}
                      </span>
                    </Space>
                  ),
                },
                { title: t('checks.rating'), key: 'rating', width: 130, render: (_, r) => rating(r) },
                { title: t('checks.ratedAt'), key: 'at', width: 140, render: (_, r) => formatTime(r.ratedAt) },
                {
                  title: '',
                  key: 'open',
                  width: 70,
                  render: (_, r) => (
                    <Button size="small" data-testid={`check-open-${r.orderNo}`} onClick={() => setPickedId(r.orderId)}>
                      {t('checks.open')}
                    </Button>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={11}>
          {picked ? (
            <CheckPanel row={picked} rating={rating(picked)} onDone={() => setPickedId(null)} />
          ) : (
            <Card title={t('checks.title')} data-testid="check-panel-empty">
              <Empty description={t('checks.pick')} />
            </Card>
          )}
        </Col>
      </Row>
    </div>
  );
}

function CheckPanel({ row, rating, onDone }: { row: CheckQueueRow; rating: React.ReactNode; onDone: () => void }) {
  const t = useT(checkMessages);
  const [action, setAction] = useState<OrderAction | null>(null);
  const order = { id: row.orderId, version: row.version, orderNo: row.orderNo };
  return (
    <Card title={<Link to={`/orders/${row.orderId}`}>{row.orderNo}</Link>} data-testid="check-panel">
      <Descriptions
        column={1}
        size="small"
        bordered
        items={[
          { key: 'title', label: t('checks.order'), children: row.title },
          { key: 'unit', label: t('checks.unit'), children: row.leadUnitName ?? '—' },
          { key: 'reply', label: t('checks.reply'), children: row.replyText ?? '—' },
          { key: 'rating', label: t('checks.rating'), children: rating },
          {
            key: 'comment',
            label: t('checks.comment'),
            children: <span data-testid="check-comment">{row.comment ?? t('checks.noComment')}</span>,
          },
          { key: 'at', label: t('checks.ratedAt'), children: formatTime(row.ratedAt) },
          { key: 'rehandles', label: t('checks.rehandles'), children: row.rehandleCount },
        ]}
      />
      <Alert type="warning" title={t('checks.rehandleHint')} style={{ marginTop: 12 }} />
      <Space style={{ marginTop: 12 }}>
        <Button danger type="primary" data-testid="check-rehandle" onClick={() => setAction('visit_rehandle')}>
          {t('checks.rehandle')}
        </Button>
        <Button data-testid="check-close" onClick={() => setAction('check_close')}>
          {t('checks.close')}
        </Button>
      </Space>
      <ActionDialog
        order={order}
        action={action}
        onClose={() => setAction(null)}
        onDone={onDone}
        initialValues={action === 'visit_rehandle' ? { resolved: row.resolved ?? false } : undefined}
      />
    </Card>
  );
}
