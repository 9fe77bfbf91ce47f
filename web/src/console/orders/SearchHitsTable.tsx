import { Table } from 'antd';
import { useT } from '../../shared/i18n';
import type { OrderSearchHit } from '../api/types';
import { Highlighted } from '../common/Highlighted';
import { orderMessages } from './orders.messages';
import { orderColumns } from './order-columns';

/**
 * Full-text hits, best first: number (links to the order), highlighted title and snippet, state, unit,
 * time. The snippet takes what the fixed columns leave, so the table fits the page at 1280 px wide
 * instead of scrolling sideways (the lead unit's name is cut with an ellipsis, its full name on hover).
 */
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
      tableLayout="fixed"
      locale={{ emptyText: t('search.noHits') }}
      onRow={(h) => ({ 'data-testid': `hit-row-${h.orderNo}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        cols.orderNo<OrderSearchHit>(),
        {
          title: t('col.title'),
          key: 'title',
          width: 200,
          render: (_: unknown, h) => <Highlighted fragments={h.highlight.title} />,
        },
        {
          title: t('search.snippet'),
          key: 'content',
          render: (_: unknown, h) => (
            <span style={{ color: '#555' }}>
              <Highlighted fragments={h.highlight.content} />
            </span>
          ),
        },
        cols.state(96),
        cols.leadUnit(unitNames, 150),
        cols.acceptedAt(),
      ]}
    />
  );
}
