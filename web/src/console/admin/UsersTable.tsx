import { Button, Popconfirm, Space, Table, Tag, type ButtonProps } from 'antd';
import { useT } from '../../shared/i18n';
import type { Role, UserRow } from '../api/types';
import { labels } from '../common/labels.messages';
import { adminMessages } from './admin.messages';

export const nameOf = (u: UserRow) => u.display_name ?? u.displayName ?? u.username;

/** The staff accounts with their unit, roles and state, and the row actions (the list half of the users page). */
export function UsersTable(props: {
  users: UserRow[] | undefined;
  loading: boolean;
  unitNames: Map<string, string>;
  /** The signed-in admin, who cannot deactivate themself. */
  me: string;
  onEdit: (user: UserRow) => void;
  onPassword: (user: UserRow) => void;
  onSetActive: (user: UserRow, active: boolean) => void;
  onUnlock: (user: UserRow) => void;
}) {
  const t = useT(adminMessages);
  const l = useT(labels);
  return (
    <Table<UserRow>
      size="small"
      rowKey="id"
      loading={props.loading}
      dataSource={props.users}
      pagination={{ defaultPageSize: 20, showSizeChanger: true, hideOnSinglePage: true }}
      data-testid="users-table"
      columns={[
        { title: t('users.username'), dataIndex: 'username' },
        { title: t('users.displayName'), render: (_, u) => u.display_name ?? u.displayName },
        { title: t('users.unit'), render: (_, u) => props.unitNames.get(u.unit_id ?? u.unitId ?? '') ?? '' },
        {
          title: t('users.roles'),
          dataIndex: 'roles',
          render: (roles: Role[]) => roles.map((r) => <Tag key={r}>{l(`role.${r}`)}</Tag>),
        },
        {
          title: t('users.active'),
          dataIndex: 'active',
          render: (a: boolean | undefined, u) => (
            <>
              {a === false ? <Tag>{t('units.activeNo')}</Tag> : <Tag color="green">{t('units.activeYes')}</Tag>}
              {u.locked && (
                <Tag color="red" data-testid={`user-locked-${u.username}`}>
                  {t('users.locked')}
                </Tag>
              )}
            </>
          ),
        },
        {
          title: t('users.actions'),
          render: (_, u) => (
            <Space size={4} data-testid={`user-actions-${u.username}`}>
              <Button size="small" onClick={() => props.onEdit(u)} data-testid="user-edit">
                {t('users.edit')}
              </Button>
              {u.id !== props.me && (
                <Button size="small" onClick={() => props.onPassword(u)} data-testid="user-password">
                  {t('users.resetPassword')}
                </Button>
              )}
              {u.locked && (
                <Button size="small" onClick={() => props.onUnlock(u)} data-testid="user-unlock">
                  {t('users.unlock')}
                </Button>
              )}
              {u.active === false ? (
                <Button size="small" onClick={() => props.onSetActive(u, true)} data-testid="user-activate">
                  {t('units.activate')}
                </Button>
              ) : (
                u.id !== props.me && (
                  <Popconfirm
                    title={t('users.deactivateConfirm', { name: nameOf(u) })}
                    onConfirm={() => props.onSetActive(u, false)}
                    okButtonProps={{ danger: true, 'data-testid': 'user-deactivate-ok' } as ButtonProps}
                  >
                    <Button size="small" danger data-testid="user-deactivate">
                      {t('units.deactivate')}
                    </Button>
                  </Popconfirm>
                )
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}
