import { useState } from 'react';
import { Button, Card, Col, Descriptions, Result, Row, Space, Spin, Tag, Typography, type DescriptionsProps } from 'antd';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../shared/api';
import { useT } from '../../shared/i18n';
import { useCategories, useOrderDetail, useRegions } from '../api/queries';
import type { OrderAction, OrderDetail } from '../api/types';
import { nameIndex } from '../common/tree';
import { DeadlineTag, formatTime, PriorityTag, RehandleTag, StateTag } from '../common/tags';
import { labels } from '../common/labels.messages';
import { orderMessages } from './orders.messages';
import { shellMessages } from '../shell/shell.messages';
import { ActionDialog } from './ActionDialog';
import { OrderTimeline } from './OrderTimeline';
import { DeadlinesCard } from './DeadlinesCard';
import { ForwardChainCard } from '../forwarding/ForwardChainCard';
import { DuplicatesCard } from './DuplicatesCard';
import { EnterpriseCard } from '../enterprise/EnterpriseCard';
import { SupervisionActions } from './SupervisionActions';
import { OrderSideLists } from './OrderSideLists';
import { NotesCard } from '../agenttools/NotesCard';
import { PresenceBanner } from '../agenttools/PresenceBanner';
import { useSession } from '../shell/session';
import { NOTE_WRITER_ROLES } from '../../shared/contract';
import { OrderCallsCard } from '../calls/OrderCalls';
import { AssistCard } from '../assist/AssistCard';
import { LeaderOrderPanel } from '../leader/LeaderOrderPanel';

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
  const categories = nameIndex(useCategories().data?.items);
  const regions = nameIndex(useRegions().data?.items);
  const o = detail.order;
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
          <Descriptions
            size="small"
            column={2}
            bordered
            styles={{ label: NO_WRAP }}
            items={detailItems(o, detail, { t, l, categories, regions })}
          />
        </Card>
        <Card title={t('detail.actions')} size="small" style={{ marginTop: 16 }} data-testid="order-actions">
          {detail.availableActions.length === 0 ? (
            <Typography.Text type="secondary">{t('detail.noActions')}</Typography.Text>
          ) : (
            <Space wrap>
              {detail.availableActions.map((a) => (
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
        <LeaderOrderPanel order={o} />
        <DuplicatesCard order={o} canMerge={detail.availableActions.includes('merge')} />
        <ForwardChainCard orderId={o.id} />
        <DeadlinesCard deadlines={detail.deadlines} />
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

/** Labels such as 来电人 stay on one line at every width (they wrapped one character per line). */
const NO_WRAP = { whiteSpace: 'nowrap' } as const;

type Translate = (key: never, vars?: Record<string, string | number>) => string;

/** The order's facts as Descriptions items (caller shown exactly as the API masked it). */
function detailItems(
  o: OrderDetail['order'],
  detail: OrderDetail,
  ctx: {
    t: ReturnType<typeof useT<keyof typeof orderMessages.zh>>;
    l: Translate;
    categories: Map<string, string>;
    regions: Map<string, string>;
  },
): DescriptionsProps['items'] {
  const { t, l, categories, regions } = ctx;
  const items: DescriptionsProps['items'] = [
    { key: 'type', label: t('col.type'), children: l(`type.${o.appealType}` as never) },
    { key: 'channel', label: t('detail.channel'), children: l(`channel.${o.channel}` as never) },
    {
      key: 'caller',
      label: t('detail.caller'),
      children: (
        <>
          <span data-testid="caller-name">{o.caller.name ?? '—'}</span>
          {o.caller.masked && <Tag style={{ marginLeft: 8 }}>{t('detail.masked')}</Tag>}
          {o.caller.confidential && <Tag color="orange">{t('detail.confidential')}</Tag>}
        </>
      ),
    },
    { key: 'phone', label: t('detail.phone'), children: <span data-testid="caller-phone">{o.caller.phone ?? '—'}</span> },
    { key: 'category', label: t('detail.category'), children: o.categoryId ? categories.get(o.categoryId) : '—' },
    { key: 'region', label: t('detail.region'), children: o.regionId ? regions.get(o.regionId) : '—' },
    { key: 'address', label: t('detail.address'), span: 2, children: o.address ?? '—' },
    { key: 'accepted', label: t('col.acceptedAt'), children: formatTime(o.acceptedAt) },
    { key: 'lead', label: t('col.leadUnit'), children: detail.leadUnitName ?? '—' },
    {
      key: 'desk',
      label: t('detail.desk'),
      children: <span data-testid="order-desk">{detail.deskUnitName ?? t('detail.leagueDesk')}</span>,
    },
    { key: 'dispatches', label: t('detail.dispatchCount'), children: o.dispatchCount },
    { key: 'rehandles', label: t('detail.rehandleCount'), children: o.rehandleCount },
  ];
  if (o.replyResult) items.push({ key: 'reply', label: t('detail.reply'), children: l(`result.${o.replyResult}` as never) });
  if (o.satisfaction) {
    const resolved = o.resolved !== null ? ` · ${l(`resolved.${o.resolved}` as never)}` : '';
    items.push({ key: 'sat', label: t('detail.satisfaction'), children: `${l(`sat.${o.satisfaction}` as never)}${resolved}` });
  }
  items.push({
    key: 'content',
    label: t('detail.content'),
    span: 2,
    children: (
      <div style={{ whiteSpace: 'pre-wrap' }} data-testid="order-content">
        {o.content}
      </div>
    ),
  });
  return items;
}
