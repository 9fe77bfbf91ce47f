import { Card, Table, Tag } from 'antd';
import { useT } from '../../shared/i18n';
import { formatTime } from '../common/tags';
import { labels } from '../common/labels.messages';
import { orderMessages } from './orders.messages';
import type { StageDeadline } from '../api/types';

export type { StageDeadline };

/** Every stage deadline of the order (from src/timelimits), with its status and warning colour. */
export function DeadlinesCard({ deadlines }: { deadlines: StageDeadline[] | undefined }) {
  const t = useT(orderMessages);
  const l = useT(labels);
  if (!deadlines || deadlines.length === 0) return null;
  const colour = { red: 'red', yellow: 'gold', none: 'green' } as const;
  return (
    <Card title={t('detail.deadlines')} size="small" style={{ marginTop: 16 }}>
      <Table<StageDeadline>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={deadlines}
        data-testid="order-deadlines"
        columns={[
          { title: t('detail.stage'), dataIndex: 'stage', render: (v: StageDeadline['stage']) => l(`stage.${v}`) },
          { title: t('col.deadline'), dataIndex: 'dueAt', render: (v: string) => formatTime(v) },
          {
            title: t('detail.originalDue'),
            dataIndex: 'originalDueAt',
            render: (v: string | null, d) => (v && v !== d.dueAt ? formatTime(v) : '—'),
          },
          {
            title: t('col.state'),
            key: 'status',
            render: (_, d) => (
              <>
                {t(`deadline.${d.status}` as never)}
                {d.warningLevel && d.warningLevel !== 'none' && (
                  <Tag color={colour[d.warningLevel]} style={{ marginLeft: 6 }}>
                    {l(`warn.${d.warningLevel}`)}
                  </Tag>
                )}
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}
