import { useState } from 'react';
import { Button, Card, Col, Result, Row, Space, Spin, Tag, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../shared/api';
import { useT } from '../../shared/i18n';
import { useOrderDetail } from '../api/queries';
import type { OrderAction, OrderDetail } from '../api/types';
import { DeadlineTag, PriorityTag, RehandleTag, StateTag } from '../common/tags';
import { labels } from '../common/labels.messages';
import { orderMessages } from './orders.messages';
import { shellMessages } from '../shell/shell.messages';
import { ActionDialog } from './ActionDialog';
import { OrderTimeline } from './OrderTimeline';
import { DeadlinesCard } from './DeadlinesCard';
import { ForwardChainCard } from '../forwarding/ForwardChainCard';
import { useForwardChain } from '../forwarding/forwarding-api';
import { withForwardTargets } from '../forwarding/forward-offer';
import { DuplicatesCard } from './DuplicatesCard';
import { EnterpriseCard } from '../enterprise/EnterpriseCard';
import { offersSupervision, SupervisionActions } from './SupervisionActions';
import { OrderSideLists } from './OrderSideLists';
import { NotesCard } from '../agenttools/NotesCard';
import { PresenceBanner } from '../agenttools/PresenceBanner';
import { useSession } from '../shell/session';
import { NOTE_WRITER_ROLES } from '../../shared/contract';
import { OrderCallsCard } from '../calls/OrderCalls';
import { AssistCard } from '../assist/AssistCard';
import { VerificationCard } from '../grid/VerificationCard';
import { LeaderOrderPanel } from '../leader/LeaderOrderPanel';
import { OrderFacts } from './OrderFacts';

/** One order: details (caller masked as the API says), units, links, attachments, actions, full timeline. */
export function OrderPage() {
  const { id = '' } = useParams();
  const detail = useOrderDetail(id);
  const s = useT(shellMessages);
  if (detail.isLoading) return <Spin />;
  if (detail.error) {
    const notFound = detail.error instanceof ApiError && (detail.error.status === 404 || detail.error.status === 403);
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? s('common.notFound') : s('common.error')}
        data-testid="order-not-found"
      />
    );
  }
  if (!detail.data) return null;
  return <OrderView detail={detail.data} />;
}

function OrderView({ detail }: { detail: OrderDetail }) {
  const t = useT(orderMessages);
  const l = useT(labels);
  const [action, setAction] = useState<OrderAction | null>(null);
  const me = useSession();
  const o = detail.order;
  const actions = withForwardTargets(detail.availableActions, useForwardChain(o.id).data);
  return (
    <Row gutter={16}>
      <Col xs={24} xl={15}>
        <PresenceBanner orderId={o.id} />
        <Card
          title={
            <Space>
              <span data-testid="order-no">{o.orderNo}</span>
              <StateTag state={o.state} />
              <PriorityTag priority={o.priority} />
              {o.escalated && <Tag color="red">{l('escalated')}</Tag>}
              <RehandleTag count={o.rehandleCount} />
              <DeadlineTag order={o} />
            </Space>
          }
        >
          <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="order-title">
            {o.title}
          </Typography.Title>
          <OrderFacts detail={detail} />
        </Card>
        <Card title={t('detail.actions')} size="small" style={{ marginTop: 16 }} data-testid="order-actions">
          {actions.length === 0 ? (
            // Nothing in the lifecycle for this user now; 催办 / 督办 below may still be offered.
            !offersSupervision(me, o) && <Typography.Text type="secondary">{t('detail.noActions')}</Typography.Text>
          ) : (
            <Space wrap>
              {actions.map((a) => (
                <Button key={a} data-testid={`action-${a}`} onClick={() => setAction(a)}>
                  {l(`action.${a}`)}
                </Button>
              ))}
            </Space>
          )}
          <div style={{ marginTop: 8 }}>
            <SupervisionActions order={o} />
          </div>
        </Card>
        <AssistCard orderId={o.id} />
        <VerificationCard order={o} />
        <LeaderOrderPanel order={o} />
        <DuplicatesCard order={o} canMerge={detail.availableActions.includes('merge')} />
        <ForwardChainCard orderId={o.id} />
        <DeadlinesCard deadlines={detail.deadlines} assignments={detail.assignments} />
        <OrderSideLists detail={detail} />
        {me.roles.some((r) => NOTE_WRITER_ROLES.includes(r)) && <NotesCard orderId={o.id} />}
        <OrderCallsCard orderId={o.id} />
      </Col>
      <Col xs={24} xl={9}>
        {detail.enterprise && <EnterpriseCard enterprise={detail.enterprise} />}
        <Card title={t('detail.timeline')} size="small">
          <OrderTimeline orderId={o.id} />
        </Card>
      </Col>
      <ActionDialog order={o} action={action} onClose={() => setAction(null)} />
    </Row>
  );
}
