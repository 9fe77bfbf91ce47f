import { useState } from 'react';
import { Button, Modal, Space, Table, Tag, Typography } from 'antd';
import type { MergedLineView } from '../../shared/contract';
import { useT } from '../../shared/i18n';
import { useMergedLines } from './channels-api';
import { channelAdminMessages } from './channels-admin.messages';
import { channelMessages } from './channels.messages';
import { LineForm } from './LineForm';

type Editing = MergedLineView | 'new' | null;

/** 归并热线登记: every department hotline merged into 12345, parallel or retired, with its dates. */
export function MergedLinesTab() {
  const t = useT(channelMessages);
  const a = useT(channelAdminMessages);
  const lines = useMergedLines();
  const [editing, setEditing] = useState<Editing>(null);
  const items = lines.data?.items ?? [];
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary">
          {a('linesHint')} {a('count', { n: items.length })}
        </Typography.Text>
        <Button type="primary" onClick={() => setEditing('new')} data-testid="line-add">
          {a('addLine')}
        </Button>
      </Space>
      <Table<MergedLineView>
        rowKey="id"
        size="small"
        loading={lines.isLoading}
        dataSource={items}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        scroll={{ x: 960 }}
        data-testid="lines-table"
        onRow={(l) => ({ 'data-testid': `line-${l.number}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('number'), dataIndex: 'number', width: 110 },
          { title: t('name'), dataIndex: 'name', width: 200, ellipsis: true },
          { title: t('formerDepartment'), dataIndex: 'formerDepartment', width: 200, ellipsis: true },
          {
            title: t('mode'),
            dataIndex: 'mode',
            width: 130,
            render: (_, l) => <Tag color={l.mode === 'parallel' ? 'blue' : 'default'}>{t(`mode.${l.mode}`)}</Tag>,
          },
          { title: t('mergedOn'), dataIndex: 'mergedOn', width: 110 },
          { title: t('retiredOn'), dataIndex: 'retiredOn', width: 110, render: (d: string | null) => d ?? '—' },
          { title: t('note'), dataIndex: 'note', ellipsis: true, render: (n: string | null) => n ?? '' },
          {
            title: '',
            width: 80,
            render: (_, l) => (
              <Button size="small" onClick={() => setEditing(l)} data-testid={`line-edit-${l.number}`}>
                {t('edit')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? a('addLine') : a('editLine')}
        onCancel={() => setEditing(null)}
        footer={null}
        destroyOnHidden
        width={640}
      >
        {editing !== null && <LineForm line={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Space>
  );
}
