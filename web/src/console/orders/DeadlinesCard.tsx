import { Card, Table, Tag } from 'antd';
import { useT } from '../../shared/i18n';
import { formatTime } from '../common/tags';
import { labels } from '../common/labels.messages';
import { orderMessages } from './orders.messages';
import type { OrderDetail, StageDeadline } from '../api/types';

export type { StageDeadline };

/**
 * Every stage deadline of the order (from src/timelimits), with its status and warning colour. A task's
 * clock (协办意见 of each assisting unit, 下派签收/办理 of each hop, ADR 0152) is named with its unit, so
 * two assisting units' rows are told apart: 协办意见（锡林浩特市热力公司）.
 */
export function DeadlinesCard({
  deadlines,
  assignments,
}: {
  deadlines: StageDeadline[] | undefined;
  assignments?: OrderDetail['assignments'];
}) {
  const t = useT(orderMessages);
  const l = useT(labels);
  if (!deadlines || deadlines.length === 0) return null;
  const unitNames = new Map((assignments ?? []).map((a) => [a.unit_id, a.unit_name]));
  const taskStages = new Set<StageDeadline['stage']>(['assist', 'hop_sign', 'hop_reply']);
  const stageName = (d: StageDeadline) => {
    const name = l(`stage.${d.stage}`);
    const unit = d.unitId && taskStages.has(d.stage) ? unitNames.get(d.unitId) : undefined;
    return unit ? `${name}（${unit}）` : name;
  };
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
          { title: t('detail.stage'), key: 'stage', render: (_, d) => stageName(d) },
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
