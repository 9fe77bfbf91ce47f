import { Table } from 'antd';
import { useT } from '../../shared/i18n';
import type { OrderSearchHit } from '../api/types';
import { Highlighted } from '../common/Highlighted';
import { orderMessages } from './orders.messages';
import { orderColumns } from './order-columns';

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
  const cols = orderColumns(t);
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
        cols.orderNo<OrderSearchHit>(),
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
        cols.state(120),
        cols.leadUnit(unitNames, 160),
        cols.acceptedAt(),
      ]}
    />
  );
}
