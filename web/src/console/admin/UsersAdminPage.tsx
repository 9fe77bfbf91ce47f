import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api';
import { useLang, useT } from '../../shared/i18n';
import { keys, useUnits, useUsers } from '../api/queries';
import { ALL_ROLES, type Role, type UserRow } from '../api/types';
import { UnitPicker } from '../common/pickers';
import { nameIndex } from '../common/tree';
import { adminMessages } from '../messages/admin';
import { labels } from '../messages/labels';
import { shellMessages } from '../messages/shell';
import { errorText } from '../orders/ActionDialog';

/** Staff accounts and their roles; new accounts get a unit and one or more roles. */
export function UsersAdminPage() {
  const t = useT(adminMessages);
  const l = useT(labels);
  const s = useT(shellMessages);
  const { lang } = useLang();
  const { message } = App.useApp();
  const client = useQueryClient();
  const users = useUsers();
  const units = nameIndex(useUnits().data?.items);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();

  async function create(values: { username: string; displayName: string; password: string; unitId: string; roles: Role[] }) {
    try {
      await api('/api/users', { method: 'POST', json: values });
      message.success(t('users.created', { name: values.displayName }));
      setOpen(false);
      form.resetFields();
      await client.invalidateQueries({ queryKey: keys.users });
    } catch (e) {
      message.error(errorText(e, lang));
    }
  }

  return (
    <Card
      title={t('users.title')}
      extra={
        <Button type="primary" onClick={() => setOpen(true)} data-testid="user-add">
          {t('users.add')}
        </Button>
      }
    >
      <Table<UserRow>
        size="small"
        rowKey="id"
        loading={users.isLoading}
        dataSource={users.data?.items}
        data-testid="users-table"
        columns={[
          { title: t('users.username'), dataIndex: 'username' },
          { title: t('users.displayName'), render: (_, u) => u.display_name ?? u.displayName },
          { title: t('users.unit'), render: (_, u) => units.get(u.unit_id ?? u.unitId ?? '') ?? '' },
          {
            title: t('users.roles'),
            dataIndex: 'roles',
            render: (roles: Role[]) => roles.map((r) => <Tag key={r}>{l(`role.${r}`)}</Tag>),
          },
          {
            title: t('users.active'),
            dataIndex: 'active',
            render: (a: boolean | undefined) => (a === false ? t('units.activeNo') : t('units.activeYes')),
          },
        ]}
      />
      <Modal open={open} title={t('users.add')} onCancel={() => setOpen(false)} footer={null} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={create}>
          <Form.Item name="username" label={t('users.username')} rules={[{ required: true, pattern: /^[a-zA-Z0-9_.-]{3,40}$/ }]}>
            <Input data-testid="user-new-username" />
          </Form.Item>
          <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true, max: 60 }]}>
            <Input data-testid="user-new-name" />
          </Form.Item>
          <Form.Item name="password" label={t('users.password')} rules={[{ required: true, min: 8 }]}>
            <Input.Password data-testid="user-new-password" />
          </Form.Item>
          <Form.Item name="unitId" label={t('users.unit')} rules={[{ required: true }]}>
            <UnitPicker testId="user-new-unit" />
          </Form.Item>
          <Form.Item name="roles" label={t('users.roles')} rules={[{ required: true }]}>
            <Select
              mode="multiple"
              options={ALL_ROLES.map((r) => ({ value: r, label: l(`role.${r}`) }))}
              data-testid="user-new-roles"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="user-new-submit">
            {s('common.save')}
          </Button>
        </Form>
      </Modal>
    </Card>
  );
}
