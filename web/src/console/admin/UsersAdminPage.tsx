import { nameOf, UsersTable } from './UsersTable';
import { useWrite } from '../api/mutation';
import { createUser, setUserPassword, updateUser, type NewUser } from './admin-api';
import { useState } from 'react';
import { Button, Card, Form, Input, Modal, Select, Space } from 'antd';
import { useT } from '../../shared/i18n';
import { keys, useUnits, useUsers } from '../api/queries';
import { ALL_ROLES, type Role, type UserRow } from '../api/types';
import { UnitPicker } from '../common/pickers';
import { nameIndex } from '../common/tree';
import { adminMessages } from './admin.messages';
import { labels } from '../common/labels.messages';
import { shellMessages } from '../shell/shell.messages';
import { useSession } from '../shell/session';

type EditMode = { kind: 'edit' | 'password'; user: UserRow } | null;

const unitOf = (u: UserRow) => u.unit_id ?? u.unitId ?? '';

/** The accounts whose username, name or unit contains the admin's words (a centre has hundreds of staff). */
function matchingUsers(users: UserRow[] | undefined, query: string, unitNames: Map<string, string>) {
  const q = query.trim().toLowerCase();
  if (!users || !q) return users;
  return users.filter((u) =>
    [u.username, nameOf(u), unitNames.get(unitOf(u)) ?? ''].some((text) => text.toLowerCase().includes(q)),
  );
}

/**
 * Staff accounts and their roles; new accounts get a unit and one or more roles. The admin edits an
 * account (name, unit, roles), deactivates it (its sessions end at once) or sets a new password.
 */
export function UsersAdminPage() {
  const t = useT(adminMessages);
  const l = useT(labels);
  const s = useT(shellMessages);
  const write = useWrite();
  const users = useUsers();
  const units = nameIndex(useUnits().data?.items);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const [editing, setEditing] = useState<EditMode>(null);
  const me = useSession().id;
  const [query, setQuery] = useState('');

  async function change(_user: UserRow, run: () => Promise<unknown>, done: string) {
    if ((await write(run, { success: done, invalidate: [keys.users] })).ok) setEditing(null);
  }
  const setActive = (user: UserRow, active: boolean) =>
    change(
      user,
      () => updateUser(user.id, { active }),
      t(active ? 'users.activated' : 'users.deactivated', { name: nameOf(user) }),
    );

  async function create(values: NewUser) {
    const done = await write(() => createUser(values), {
      success: t('users.created', { name: values.displayName }),
      invalidate: [keys.users],
    });
    if (done.ok) {
      setOpen(false);
      form.resetFields();
    }
  }

  return (
    <Card
      title={t('users.title')}
      extra={
        <Space>
          <Input.Search
            allowClear
            placeholder={t('users.search')}
            onChange={(e) => setQuery(e.target.value)}
            data-testid="users-search"
            style={{ width: 240 }}
          />
          <Button type="primary" onClick={() => setOpen(true)} data-testid="user-add">
            {t('users.add')}
          </Button>
        </Space>
      }
    >
      <UsersTable
        users={matchingUsers(users.data?.items, query, units)}
        loading={users.isLoading}
        unitNames={units}
        me={me}
        onEdit={(user) => setEditing({ kind: 'edit', user })}
        onPassword={(user) => setEditing({ kind: 'password', user })}
        onSetActive={setActive}
      />
      <Modal
        open={editing?.kind === 'edit'}
        title={editing ? t('users.editTitle', { name: editing.user.username }) : ''}
        onCancel={() => setEditing(null)}
        footer={null}
        destroyOnHidden
      >
        {editing?.kind === 'edit' && (
          <Form
            layout="vertical"
            initialValues={{ displayName: nameOf(editing.user), unitId: unitOf(editing.user), roles: editing.user.roles }}
            onFinish={(values: { displayName: string; unitId: string; roles: Role[] }) =>
              change(editing.user, () => updateUser(editing.user.id, values), s('common.done'))
            }
          >
            <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true, whitespace: true, max: 60 }]}>
              <Input data-testid="user-edit-name" />
            </Form.Item>
            <Form.Item name="unitId" label={t('users.unit')} rules={[{ required: true }]}>
              <UnitPicker testId="user-edit-unit" />
            </Form.Item>
            <Form.Item name="roles" label={t('users.roles')} rules={[{ required: true }]}>
              <Select
                mode="multiple"
                options={ALL_ROLES.map((r) => ({ value: r, label: l(`role.${r}`) }))}
                data-testid="user-edit-roles"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" data-testid="user-edit-submit">
              {s('common.save')}
            </Button>
          </Form>
        )}
      </Modal>
      <Modal
        open={editing?.kind === 'password'}
        title={editing ? t('users.passwordTitle', { name: editing.user.username }) : ''}
        onCancel={() => setEditing(null)}
        footer={null}
        destroyOnHidden
      >
        {editing?.kind === 'password' && (
          <Form
            layout="vertical"
            onFinish={(values: { password: string }) =>
              change(
                editing.user,
                () => setUserPassword(editing.user.id, values),
                t('users.passwordSet', { name: nameOf(editing.user) }),
              )
            }
          >
            <Form.Item
              name="password"
              label={t('users.newPassword')}
              extra={t('users.passwordNote')}
              rules={[{ required: true, min: 8 }]}
            >
              <Input.Password data-testid="user-new-password-reset" autoComplete="new-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" data-testid="user-password-submit">
              {s('common.save')}
            </Button>
          </Form>
        )}
      </Modal>
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
