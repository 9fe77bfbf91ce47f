import { Empty, Space, Table } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../shared/i18n';
import { formatTime } from '../common/tags';
import { assistMessages } from './assist.messages';
import { useAssistInbox, type AssistTask } from './assist-api';
import { AssistStateTags } from './AssistCard';
import { AssistTaskActions } from './AssistTaskActions';

/** The assisting unit's tasks in its inbox: open ones by deadline, then those already answered. */
export function AssistInbox() {
  const t = useT(assistMessages);
  const inbox = useAssistInbox();
  const items = inbox.data?.items ?? [];
  return (
    <Table<AssistTask>
      size="small"
      rowKey="id"
      loading={inbox.isLoading}
      dataSource={items}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: <Empty description={t('inbox.empty')} /> }}
      data-testid="assist-inbox"
      columns={[
        {
          title: t('col.order'),
          key: 'order',
          render: (_, task) => (
            <Space orientation="vertical" size={0}>
              <Link to={`/orders/${task.orderId}`} data-testid={`assist-order-${task.orderNo}`}>
                {task.orderNo}
              </Link>
              <span>{task.orderTitle}</span>
            </Space>
          ),
        },
        { title: t('col.unit'), dataIndex: 'unitName', width: 180 },
        { title: t('col.state'), key: 'state', width: 170, render: (_, task) => <AssistStateTags task={task} /> },
        { title: t('col.due'), dataIndex: 'dueAt', width: 150, render: (v: string) => formatTime(v) },
        { title: t('col.actions'), key: 'actions', width: 220, render: (_, task) => <AssistTaskActions task={task} /> },
      ]}
    />
  );
}
