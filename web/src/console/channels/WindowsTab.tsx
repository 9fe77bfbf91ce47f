import { useState } from 'react';
import { Button, Modal, Space, Table, Tag, Typography } from 'antd';
import type { ServiceWindowView } from '../../shared/contract';
import { useT } from '../../shared/i18n';
import { useWrite } from '../api/mutation';
import { useRegions } from '../api/queries';
import { nameIndex } from '../common/tree';
import { saveWindow, useServiceWindows } from './channels-api';
import { channelAdminMessages } from './channels-admin.messages';
import { channelMessages } from './channels.messages';
import { WindowForm } from './WindowForm';

type Editing = ServiceWindowView | 'new' | null;

/** 办不成事反映窗口: the windows the intake offers (active ones), league and county halls. */
export function WindowsTab() {
  const t = useT(channelMessages);
  const a = useT(channelAdminMessages);
  const write = useWrite();
  const windows = useServiceWindows();
  const regions = nameIndex(useRegions().data?.items);
  const [editing, setEditing] = useState<Editing>(null);
  const items = windows.data?.items ?? [];
  const toggle = (w: ServiceWindowView) => write(() => saveWindow(w.id, { active: !w.active }), { invalidate: [['channels']] });
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary">{a('count', { n: items.length })}</Typography.Text>
        <Button type="primary" onClick={() => setEditing('new')} data-testid="window-add">
          {a('addWindow')}
        </Button>
      </Space>
      <Table<ServiceWindowView>
        rowKey="id"
        size="small"
        loading={windows.isLoading}
        dataSource={items}
        pagination={false}
        scroll={{ x: 860 }}
        data-testid="windows-table"
        columns={[
          // The name wraps rather than ending in …: the league hall's five windows differ only at the end
          // (…反映窗口·综合, ·企业), and cut they read alike.
          { title: t('name'), dataIndex: 'name' },
          { title: t('hall'), dataIndex: 'hall', width: 200, ellipsis: true },
          { title: t('level'), dataIndex: 'level', width: 110, render: (_, w) => t(`level.${w.level}`) },
          { title: a('region'), width: 140, render: (_, w) => (w.regionId ? (regions.get(w.regionId) ?? '—') : '—') },
          {
            title: t('active'),
            width: 90,
            render: (_, w) => <Tag color={w.active ? 'green' : 'default'}>{w.active ? t('active') : a('activeNo')}</Tag>,
          },
          {
            title: '',
            width: 150,
            render: (_, w) => (
              <Space>
                <Button size="small" onClick={() => setEditing(w)}>
                  {t('edit')}
                </Button>
                <Button size="small" onClick={() => void toggle(w)}>
                  {w.active ? a('deactivate') : a('activate')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? a('addWindow') : a('editWindow')}
        onCancel={() => setEditing(null)}
        footer={null}
        destroyOnHidden
        width={640}
      >
        {editing !== null && <WindowForm window={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Space>
  );
}
