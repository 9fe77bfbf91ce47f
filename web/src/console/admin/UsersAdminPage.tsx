import { nameOf, UsersTable } from './UsersTable';
import { useWrite } from '../api/mutation';
import { createUser, setUserPassword, unlockUser, updateUser, type NewUser } from './admin-api';
import { useState } from 'react';
import { Button, Card, Form, Input, Modal, Space } from 'antd';
import { useT } from '../../shared/i18n';
import { keys, useUnits, useUsers } from '../api/queries';
import type { UserRow } from '../api/types';
import { nameIndex } from '../common/tree';
import { adminMessages } from './admin.messages';
import { shellMessages } from '../shell/shell.messages';
import { useSession } from '../shell/session';
import { EditUserForm, NewUserForm, PasswordForm, unitOf } from './UserForms';
import { MfaPolicyCard } from './MfaPolicyCard';

type EditMode = { kind: 'edit' | 'password'; user: UserRow } | null;

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
    <>
      <MfaPolicyCard />
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
          onUnlock={(user) => change(user, () => unlockUser(user.id), t('users.unlocked', { name: nameOf(user) }))}
        />
        <Modal
          open={editing?.kind === 'edit'}
          title={editing ? t('users.editTitle', { name: editing.user.username }) : ''}
          onCancel={() => setEditing(null)}
          footer={null}
          destroyOnHidden
        >
          {editing?.kind === 'edit' && (
            <EditUserForm
              user={editing.user}
              me={me}
              onSave={(values) => change(editing.user, () => updateUser(editing.user.id, values), s('common.done'))}
            />
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
            <PasswordForm
              onSave={(values) =>
                change(
                  editing.user,
                  () => setUserPassword(editing.user.id, values),
                  t('users.passwordSet', { name: nameOf(editing.user) }),
                )
              }
            />
          )}
        </Modal>
        <Modal open={open} title={t('users.add')} onCancel={() => setOpen(false)} footer={null} destroyOnHidden>
          <NewUserForm form={form} onSave={create} />
        </Modal>
      </Card>
    </>
  );
}
