import { Button, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../shared/i18n';
import type { LeaderFollowupView, SupervisionView } from '../../shared/contract';
import { formatTime } from '../common/tags';
import { timelimitMessages, type TimelimitMessageKey } from './timelimits.messages';

/** The open and answered 督办单 of the board; `onClose` asks for the closing note. */
export function SupervisionsTable({ items, onClose }: { items: SupervisionView[]; onClose: (id: string) => void }) {
  const t = useT(timelimitMessages);
  return (
    <Table
      size="small"
      rowKey="id"
      dataSource={items}
      columns={[
        {
          title: t('sup.orderNo'),
          dataIndex: 'order_no',
          render: (no: string, s: SupervisionView) => <Link to={`/orders/${s.order_id}`}>{no}</Link>,
        },
        { title: t('sup.unit'), dataIndex: 'unit_name', render: (n: string | null) => n ?? t('sup.noUnit') },
        {
          title: t('sup.reason'),
          dataIndex: 'reason',
          render: (r: string, s: SupervisionView) => (
            <>
              {r} <Tag>{t(`sup.origin.${s.origin}` as TimelimitMessageKey)}</Tag>
            </>
          ),
        },
        { title: t('sup.due'), dataIndex: 'due_at', render: formatTime },
        {
          title: t('sup.status'),
          dataIndex: 'status',
          render: (s: string) => (
            <Tag color={s === 'open' ? 'red' : s === 'responded' ? 'blue' : 'green'}>
              {t(`sup.status.${s}` as TimelimitMessageKey)}
            </Tag>
          ),
        },
        { title: t('sup.response'), dataIndex: 'response' },
        {
          title: '',
          key: 'x',
          render: (_: unknown, s: SupervisionView) =>
            s.status !== 'closed' && (
              <Button size="small" onClick={() => onClose(s.id)}>
                {t('sup.close')}
              </Button>
            ),
        },
      ]}
    />
  );
}

/** The 领导盯办 list (shown to the roles that may read it). */
export function LeaderFollowupsTable({ items }: { items: LeaderFollowupView[] }) {
  const t = useT(timelimitMessages);
  return (
    <Table
      data-testid="board-leader"
      size="small"
      rowKey="id"
      dataSource={items}
      columns={[
        {
          title: t('sup.orderNo'),
          dataIndex: 'order_no',
          render: (no: string, f: LeaderFollowupView) => <Link to={`/orders/${f.order_id}`}>{no}</Link>,
        },
        { title: t('sup.orderTitle'), dataIndex: 'title' },
        { title: t('sup.unit'), dataIndex: 'lead_unit_name' },
        { title: t('sup.reason'), dataIndex: 'reason' },
        { title: t('sup.added'), dataIndex: 'added_at', render: formatTime },
      ]}
    />
  );
}
