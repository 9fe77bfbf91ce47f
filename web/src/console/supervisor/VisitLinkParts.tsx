import { Alert, Button, Card, Space, Table, Tag, Tooltip } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../shared/i18n';
import type { VisitLinkState, VisitLinkView } from '../../shared/contract';
import type { Order } from '../api/types';
import { formatTime } from '../common/tags';
import { useSendVisitLink, useVisitLinks } from './visits-api';
import { visitMessages } from './visits.messages';

const COLOR: Record<VisitLinkState, string> = { sent: 'blue', answered: 'green', fell_back: 'orange', expired: 'default' };

/** The state of an order's latest link: 短信已发送 / 已通过短信评价 / 短信未回复，待电话回访 / 链接已过期. */
export function VisitLinkTag({ link }: { link: VisitLinkView | undefined }) {
  const t = useT(visitMessages);
  if (!link) return null;
  return (
    <Tooltip title={formatTime(link.sentAt)}>
      <Tag color={COLOR[link.state]} data-testid={`visit-link-state-${link.orderNo}`} data-state={link.state}>
        {t(`link.${link.state}`)}
      </Tag>
    </Tooltip>
  );
}

/** 发送回访短信 in the visit panel, with what the latest link says (waiting until…, or no answer: call). */
export function SendLinkButton({ order, link }: { order: Order; link: VisitLinkView | undefined }) {
  const t = useT(visitMessages);
  const send = useSendVisitLink((l) => t('visits.linkSent', { until: formatTime(l.expiresAt) }));
  const live = link?.state === 'sent';
  return (
    <Space direction="vertical" style={{ width: '100%', marginTop: 12 }}>
      {live && <Alert type="info" showIcon title={t('visits.linkLive', { until: formatTime(link.expiresAt) })} />}
      {link?.state === 'fell_back' && (
        <Alert type="warning" showIcon title={t('visits.linkFellBack')} data-testid="visit-link-fell-back" />
      )}
      <Tooltip title={t('visits.sendLinkHint')}>
        <Button disabled={live} data-testid="visit-send-link" onClick={() => void send(order.id)}>
          {t('visits.sendLink')}
        </Button>
      </Tooltip>
    </Space>
  );
}

/** 回访短信记录: the desk's recent links, newest first, each with its state. */
export function VisitLinksCard() {
  const t = useT(visitMessages);
  const links = useVisitLinks();
  return (
    <Card title={t('visits.links')} style={{ marginTop: 16 }} size="small">
      <Table<VisitLinkView>
        rowKey="id"
        size="small"
        loading={links.isLoading}
        dataSource={links.data?.items}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: t('visits.linksEmpty') }}
        data-testid="visit-links"
        columns={[
          {
            title: t('visits.col.order'),
            key: 'order',
            render: (_, l) => <Link to={`/orders/${l.orderId}`}>{l.orderNo}</Link>,
          },
          { title: t('visits.col.sentAt'), key: 'sentAt', width: 150, render: (_, l) => formatTime(l.sentAt) },
          { title: t('visits.col.state'), key: 'state', width: 190, render: (_, l) => <VisitLinkTag link={l} /> },
          { title: t('visits.col.by'), key: 'by', width: 110, render: (_, l) => l.sentBy ?? '—' },
        ]}
      />
    </Card>
  );
}
