import { Button, Space, Table, Tag } from 'antd';
import { useT } from '../../shared/i18n';
import type { AssessmentAppealView as Appeal } from '../../shared/contract';
import { decideAppeal } from './analytics-api';
import { analyticsMessages } from './analytics.messages';

/** The month's 申诉 with accept / reject while the month is not frozen. */
export function AppealList(props: { appeals: Appeal[]; canDecide: boolean; run: (fn: () => Promise<unknown>) => Promise<void> }) {
  const t = useT(analyticsMessages);
  const { run } = props;
  return (
    <Table<Appeal>
      rowKey="id"
      size="small"
      dataSource={props.appeals}
      pagination={{ pageSize: 10 }}
      columns={[
        { title: t('as.appeal.order'), render: (_v, a) => <a href={`/orders/${a.order_id}`}>{a.order_no}</a> },
        { title: t('as.appeal.unit'), dataIndex: 'unit_name' },
        { title: t('as.appeal.reason'), dataIndex: 'reason' },
        {
          title: t('as.appeal.status'),
          render: (_v, a) =>
            a.status === 'pending' && props.canDecide ? (
              <Space>
                <Button size="small" type="primary" onClick={() => run(() => decideAppeal(a.id, { accept: true }))}>
                  {t('as.appeal.accept')}
                </Button>
                <Button size="small" danger onClick={() => run(() => decideAppeal(a.id, { accept: false }))}>
                  {t('as.appeal.reject')}
                </Button>
              </Space>
            ) : (
              <Tag color={a.status === 'accepted' ? 'green' : a.status === 'rejected' ? 'red' : 'gold'}>
                {t(`as.appeal.${a.status}`)}
              </Tag>
            ),
        },
      ]}
    />
  );
}
