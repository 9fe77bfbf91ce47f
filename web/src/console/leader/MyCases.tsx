import { Badge, Card, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useLang, useT } from '../../shared/i18n';
import type { LeaderCaseView } from '../../shared/contract';
import type { OrderState } from '../api/types';
import { formatRemaining, formatTime, StateTag } from '../common/tags';
import { labels } from '../common/labels.messages';
import { orderMessages } from '../orders/orders.messages';
import { queueMessages } from '../common/queues.messages';
import { useMyCases } from './leader-api';
import { leaderMessages } from './leader.messages';

/** The case's deadline and, once passed, a red 已超期 with how long ago. */
function CaseDeadline({ dueAt }: { dueAt: string | null }) {
  const q = useT(queueMessages);
  const { lang } = useLang();
  const late = dueAt ? Date.now() - new Date(dueAt).getTime() : 0;
  return (
    <>
      {formatTime(dueAt)}{' '}
      {late > 0 && (
        <Tag color="red" title={formatRemaining(-late, lang)}>
          {q('unit.overdue')}
        </Tag>
      )}
    </>
  );
}

/** 我的包案: the leader's own cases, nearest deadline first, with state and unanswered 批示. */
export function MyCases() {
  const t = useT(leaderMessages);
  const o = useT(orderMessages);
  const l = useT(labels);
  const cases = useMyCases();
  return (
    <Card title={t('cases.title')} data-testid="leader-cases">
      <Table<LeaderCaseView>
        size="small"
        rowKey="id"
        loading={cases.isLoading}
        dataSource={cases.data?.items ?? []}
        locale={{ emptyText: t('cases.none') }}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          {
            title: o('col.orderNo'),
            dataIndex: 'orderNo',
            render: (no: string, r) => (
              <Link to={`/orders/${r.orderId}`} data-testid="leader-case-link">
                {no}
              </Link>
            ),
          },
          {
            title: o('col.title'),
            dataIndex: 'title',
            ellipsis: true,
            render: (title: string, r) => (
              <>
                {r.escalated && <Tag color="red">{l('escalated')}</Tag>}
                {title}
              </>
            ),
          },
          { title: o('col.state'), dataIndex: 'orderState', render: (s: OrderState) => <StateTag state={s} /> },
          { title: o('col.leadUnit'), dataIndex: 'leadUnitName', render: (v: string | null) => v ?? '—' },
          { title: o('col.deadline'), dataIndex: 'deadlineDueAt', render: (v: string | null) => <CaseDeadline dueAt={v} /> },
          {
            title: t('cases.openInstructions'),
            dataIndex: 'openInstructions',
            render: (n: number) => <Badge count={n} showZero color={n > 0 ? 'orange' : 'green'} />,
          },
          { title: t('cases.takenAt'), dataIndex: 'takenAt', render: (v: string) => formatTime(v) },
        ]}
      />
    </Card>
  );
}
