import { Button, Card, Checkbox, Form, Input, Modal, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { TEXT_MODULE_DIALOGS, TEXT_MODULE_VARIABLES } from '../../shared/contract';
import { useLang, useT } from '../../shared/i18n';
import { errorText, useWrite } from '../api/mutation';
import { ApiError } from '../../shared/api';
import { useCategories, useUnits } from '../api/queries';
import { CategoryPicker, UnitPicker } from '../common/pickers';
import { nameIndex } from '../common/tree';
import { shellMessages } from '../shell/shell.messages';
import { agentKeys, createTextModule, updateTextModule, useTextModulesAdmin, type TextModuleView } from './agenttools-api';
import { agentToolsMessages } from './agenttools.messages';

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

function ModuleForm({ module, onDone }: { module: TextModuleView | null; onDone: () => void }) {
  const t = useT(agentToolsMessages);
  const s = useT(shellMessages);
  const { lang } = useLang();
  const write = useWrite();
  const [form] = Form.useForm();
  async function save(values: {
    name: string;
    keyword: string;
    body: string;
    categoryId?: string;
    unitId?: string;
    dialogs?: TextModuleView['dialogs'];
  }) {
    const body = {
      ...values,
      categoryId: values.categoryId ?? null,
      unitId: values.unitId ?? null,
      dialogs: values.dialogs ?? [],
    };
    const saved = await write(
      async () => {
        try {
          return await (module ? updateTextModule(module.id, body) : createTextModule(body));
        } catch (e) {
          // The field the server names is marked under its input too.
          if (e instanceof ApiError && e.field)
            form.setFields([{ name: e.field.replace(/^body\./, ''), errors: [errorText(e, lang)] }]);
          throw e;
        }
      },
      { success: t('modules.saved', { name: values.name }), invalidate: [agentKeys.modulesAdmin] },
    );
    if (saved.ok) onDone();
  }
  return (
    <Form form={form} layout="vertical" initialValues={module ?? {}} onFinish={save} data-testid="module-form">
      <Form.Item name="name" label={t('modules.name')} rules={[{ required: true, whitespace: true }]}>
        <Input data-testid="module-name" />
      </Form.Item>
      <Form.Item name="keyword" label={t('modules.keyword')} rules={[{ required: true }]}>
        <Input prefix="::" data-testid="module-keyword" />
      </Form.Item>
      <Form.Item
        name="body"
        label={t('modules.body')}
        rules={[{ required: true, whitespace: true }]}
        extra={
          <span>
            {t('modules.variables')}：
            {TEXT_MODULE_VARIABLES.map((v) => (
              <Tag key={v} style={{ marginTop: 4 }}>{`{{${v}}}`}</Tag>
            ))}
          </span>
        }
      >
        <Input.TextArea rows={5} data-testid="module-body" />
      </Form.Item>
      <Form.Item name="categoryId" label={t('modules.category')}>
        <CategoryPicker testId="module-category" />
      </Form.Item>
      <Form.Item name="unitId" label={t('modules.unit')}>
        <UnitPicker testId="module-unit" />
      </Form.Item>
      <Form.Item name="dialogs" label={t('modules.dialogsField')}>
        <Checkbox.Group
          options={TEXT_MODULE_DIALOGS.map((d) => ({ value: d, label: t(`modules.dialog.${d}`) }))}
          data-testid="module-dialogs"
        />
      </Form.Item>
      {module && (
        <Form.Item name="active" label={t('modules.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      )}
      <Space>
        <Button type="primary" htmlType="submit" data-testid="module-save">
          {s('common.save')}
        </Button>
        <Button onClick={onDone}>{s('common.cancel')}</Button>
      </Space>
    </Form>
  );
}
