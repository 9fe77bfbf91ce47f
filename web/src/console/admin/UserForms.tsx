import { Button, Form, Input, Select, type FormInstance } from 'antd';
import { useT } from '../../shared/i18n';
import { ALL_ROLES, type Role, type UserRow } from '../api/types';
import { SEPARATED_ADMIN_ROLES } from '../../shared/contract';
import { UnitPicker } from '../common/pickers';
import { adminMessages } from './admin.messages';
import { labels } from '../common/labels.messages';
import { shellMessages } from '../shell/shell.messages';
import type { NewUser } from './admin-api';
import { nameOf } from './UsersTable';

export type AccountFields = { displayName: string; unitId: string; roles: Role[] };

export const unitOf = (u: UserRow) => u.unit_id ?? u.unitId ?? '';

/** 三员分立 (ADR 0157): an administrator role is granted alone; the server refuses it too, in the same words. */
const separatedRoles = (message: string) => ({
  validator: async (_: unknown, roles: Role[] | undefined) => {
    const admin = (roles ?? []).some((r) => (SEPARATED_ADMIN_ROLES as readonly Role[]).includes(r));
    if (admin && (roles ?? []).length > 1) throw new Error(message);
  },
});

/** The roles picker of both forms; one's own roles cannot be changed (the server refuses it too). */
function RolesField({ testId, disabled }: { testId: string; disabled?: boolean }) {
  const t = useT(adminMessages);
  const l = useT(labels);
  return (
    <Form.Item
      name="roles"
      label={t('users.roles')}
      extra={t('users.rolesNote')}
      rules={[{ required: true }, separatedRoles(t('users.rolesSeparated'))]}
    >
      <Select
        mode="multiple"
        disabled={disabled}
        options={ALL_ROLES.map((r) => ({ value: r, label: l(`role.${r}`) }))}
        data-testid={testId}
      />
    </Form.Item>
  );
}

function SaveButton({ testId }: { testId: string }) {
  const s = useT(shellMessages);
  return (
    <Button type="primary" htmlType="submit" data-testid={testId}>
      {s('common.save')}
    </Button>
  );
}

/** Name, unit and roles of an existing account. */
export function EditUserForm(props: { user: UserRow; me: string; onSave: (values: AccountFields) => void }) {
  const t = useT(adminMessages);
  const { user } = props;
  return (
    <Form
      layout="vertical"
      initialValues={{ displayName: nameOf(user), unitId: unitOf(user), roles: user.roles }}
      onFinish={props.onSave}
    >
      <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true, whitespace: true, max: 60 }]}>
        <Input data-testid="user-edit-name" />
      </Form.Item>
      <Form.Item name="unitId" label={t('users.unit')} rules={[{ required: true }]}>
        <UnitPicker testId="user-edit-unit" />
      </Form.Item>
      <RolesField testId="user-edit-roles" disabled={user.id === props.me} />
      <SaveButton testId="user-edit-submit" />
    </Form>
  );
}

/** A new password set by the security administrator. */
export function PasswordForm(props: { onSave: (values: { password: string }) => void }) {
  const t = useT(adminMessages);
  return (
    <Form layout="vertical" onFinish={props.onSave}>
      <Form.Item
        name="password"
        label={t('users.newPassword')}
        extra={t('users.passwordNote')}
        rules={[{ required: true, min: 8 }]}
      >
        <Input.Password data-testid="user-new-password-reset" autoComplete="new-password" />
      </Form.Item>
      <SaveButton testId="user-password-submit" />
    </Form>
  );
}

/** A new account: username, name, first password, unit and roles. */
export function NewUserForm(props: { form: FormInstance; onSave: (values: NewUser) => void }) {
  const t = useT(adminMessages);
  return (
    <Form form={props.form} layout="vertical" onFinish={props.onSave}>
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
      <RolesField testId="user-new-roles" />
      <SaveButton testId="user-new-submit" />
    </Form>
  );
}
