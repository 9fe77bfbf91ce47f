import { Button, Card, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../shared/i18n';
import { useWrite } from '../api/mutation';
import { useCategories, useUnits } from '../api/queries';
import { nameIndex } from '../common/tree';
import { agentKeys, updateTextModule, useTextModulesAdmin, type TextModuleView } from './agenttools-api';
import { agentToolsMessages } from './agenttools.messages';
import { ModuleForm } from './TextModuleForm';

type Editing = TextModuleView | 'new' | null;

/** /admin/text-modules: the centre's reply snippets, scoped to a category and/or unit; create, edit, deactivate. */
export function TextModulesAdminPage() {
  const t = useT(agentToolsMessages);
  const modules = useTextModulesAdmin();
  const categories = nameIndex(useCategories().data?.items);
  const units = nameIndex(useUnits().data?.items);
  const write = useWrite();
  const [editing, setEditing] = useState<Editing>(null);
  const toggle = (m: TextModuleView) =>
    write(() => updateTextModule(m.id, { active: !m.active }), { invalidate: [agentKeys.modulesAdmin] });

  return (
    <Card
      title={t('modules.title')}
      extra={
        <Button type="primary" onClick={() => setEditing('new')} data-testid="module-add">
          {t('modules.add')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('modules.note')}</Typography.Paragraph>
      <Table
        rowKey="id"
        size="small"
        loading={modules.isLoading}
        dataSource={modules.data?.items ?? []}
        pagination={false}
        data-testid="modules-table"
        columns={[
          { title: t('modules.keyword'), dataIndex: 'keyword', width: 120, render: (k: string) => <code>::{k}</code> },
          { title: t('modules.name'), dataIndex: 'name', width: 160 },
          { title: t('modules.body'), dataIndex: 'body', ellipsis: true },
          {
            title: `${t('modules.category')} / ${t('modules.unit')}`,
            width: 200,
            render: (_, m: TextModuleView) =>
              [m.categoryId && categories.get(m.categoryId), m.unitId && units.get(m.unitId)].filter(Boolean).join(' · ') || '—',
          },
          {
            title: t('modules.dialogs'),
            width: 130,
            render: (_, m: TextModuleView) =>
              m.dialogs.length === 0 ? t('modules.dialogsAll') : m.dialogs.map((d) => t(`modules.dialog.${d}`)).join('、'),
          },
          {
            title: t('modules.active'),
            width: 90,
            render: (_, m: TextModuleView) => (
              <Tag color={m.active ? 'green' : 'default'}>{m.active ? t('modules.activeYes') : t('modules.activeNo')}</Tag>
            ),
          },
          {
            title: '',
            width: 150,
            render: (_, m: TextModuleView) => (
              <Space>
                <Button size="small" onClick={() => setEditing(m)}>
                  {t('modules.edit')}
                </Button>
                <Button size="small" onClick={() => void toggle(m)} data-testid={`module-toggle-${m.keyword}`}>
                  {m.active ? t('modules.deactivate') : t('modules.activate')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('modules.add') : t('modules.edit')}
        onCancel={() => setEditing(null)}
        footer={null}
        destroyOnHidden
        width={640}
      >
        {editing !== null && <ModuleForm module={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Card>
  );
}
