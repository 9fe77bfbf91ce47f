import { Table } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../shared/i18n';
import type { OrderSearchHit } from '../api/types';
import { Highlighted } from '../common/Highlighted';
import { formatTime, StateTag } from '../common/tags';
import { orderMessages } from '../messages/orders';

/** Full-text hits, best first: number (links to the order), highlighted title and snippet, state, unit, time. */
export function SearchHitsTable({
  hits,
  loading,
  unitNames,
  testId,
}: {
  hits: OrderSearchHit[] | undefined;
  loading: boolean;
  unitNames: Map<string, string>;
  testId?: string;
}) {
  const t = useT(orderMessages);
  return (
    <Table<OrderSearchHit>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={hits}
      data-testid={testId}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('search.noHits') }}
      onRow={(h) => ({ 'data-testid': `hit-row-${h.orderNo}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('col.orderNo'),
          dataIndex: 'orderNo',
          width: 130,
          render: (no: string, h) => <Link to={`/orders/${h.id}`}>{no}</Link>,
        },
        {
          title: t('col.title'),
          key: 'title',
          width: 260,
          render: (_: unknown, h) => <Highlighted fragments={h.highlight.title} />,
        },
        {
          title: t('search.snippet'),
          key: 'content',
          width: 420,
          render: (_: unknown, h) => (
            <span style={{ color: '#555' }}>
              <Highlighted fragments={h.highlight.content} />
            </span>
          ),
        },
        { title: t('col.state'), dataIndex: 'state', width: 120, render: (s: OrderSearchHit['state']) => <StateTag state={s} /> },
        {
          title: t('col.leadUnit'),
          dataIndex: 'leadUnitId',
          width: 160,
          ellipsis: true,
          render: (id: string | null) => (id ? (unitNames.get(id) ?? '') : '—'),
        },
        { title: t('col.acceptedAt'), dataIndex: 'acceptedAt', width: 140, render: (v: string) => formatTime(v) },
      ]}
    />
  );
}
