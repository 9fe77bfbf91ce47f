import { Card, Space, Table, Tag, Typography } from 'antd';
import { useT } from '../../shared/i18n';
import { formatTime } from '../common/tags';
import { assistMessages } from './assist.messages';
import { useOrderAssist, type AssistTask } from './assist-api';
import { AssistTaskActions } from './AssistTaskActions';

const STATE_COLOUR = { pending: 'default', signed: 'processing', submitted: 'success', cancelled: 'default' } as const;

/** A task's state, with 已超时 and the times it was urged. */
export function AssistStateTags({ task }: { task: AssistTask }) {
  const t = useT(assistMessages);
  return (
    <Space size={2} wrap>
      <Tag color={STATE_COLOUR[task.state]} data-testid={`assist-state-${task.unitName}`}>
        {t(`state.${task.state}`)}
      </Tag>
      {task.late && <Tag color="red">{t('late')}</Tag>}
      {task.urgeCount > 0 && task.state !== 'submitted' && <Tag color="orange">{t('urged', { n: task.urgeCount })}</Tag>}
    </Space>
  );
}

/** The order page's 协办 panel: each assisting unit's state, deadline and opinion, read before replying. */
export function AssistCard({ orderId }: { orderId: string }) {
  const t = useT(assistMessages);
  const tasks = useOrderAssist(orderId);
  const items = tasks.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card title={t('card.title')} size="small" style={{ marginTop: 16 }} data-testid="assist-card">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('card.hint')}
      </Typography.Paragraph>
      <Table<AssistTask>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={items}
        columns={[
          { title: t('col.unit'), dataIndex: 'unitName', width: 130 },
          { title: t('col.state'), key: 'state', width: 120, render: (_, task) => <AssistStateTags task={task} /> },
          { title: t('col.due'), dataIndex: 'dueAt', width: 110, render: (v: string) => formatTime(v) },
          {
            title: t('col.opinion'),
            key: 'opinion',
            render: (_, task) =>
              task.opinion ? (
                <div style={{ whiteSpace: 'pre-wrap', minWidth: 160 }} data-testid={`assist-opinion-of-${task.unitName}`}>
                  {task.opinion}
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {formatTime(task.submittedAt!)}
                  </Typography.Text>
                </div>
              ) : (
                '—'
              ),
          },
          // The buttons' column only when the reader may do something with one of the tasks.
          ...(items.some((x) => x.can.sign || x.can.opinion || x.can.urge)
            ? [
                {
                  title: t('col.actions'),
                  key: 'actions',
                  width: 150,
                  render: (_: unknown, task: AssistTask) => <AssistTaskActions task={task} />,
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
