import { useEffect, useState } from 'react';
import { Alert, Button, Card, Checkbox, Space, Typography } from 'antd';
import { useT } from '../../shared/i18n';
import { useWrite } from '../api/mutation';
import { ALL_ROLES, type Role } from '../api/types';
import { labels } from '../common/labels.messages';
import { adminMessages } from './admin.messages';
import { mfaPolicyKey, setMfaPolicy, useMfaPolicy } from './admin-api';

/**
 * The security administrator's choice of which roles must sign in with TOTP (ADR 0156 amendment "who must use it"). A centre
 * that never chose requires it of every role; saving is a decision, audited (admin.centre.mfa).
 */
export function MfaPolicyCard() {
  const t = useT(adminMessages);
  const l = useT(labels);
  const write = useWrite();
  const policy = useMfaPolicy();
  const [roles, setRoles] = useState<Role[]>([]);
  useEffect(() => {
    if (policy.data) setRoles(policy.data.roles);
  }, [policy.data]);
  const save = () =>
    void write(() => setMfaPolicy(roles), {
      success: t('mfa.saved'),
      invalidate: [mfaPolicyKey],
    });
  return (
    <Card size="small" title={t('mfa.title')} style={{ marginBottom: 16 }} data-testid="mfa-policy">
      <Typography.Paragraph type="secondary">{t('mfa.note')}</Typography.Paragraph>
      {policy.data?.undecided && (
        <Alert type="warning" showIcon style={{ marginBottom: 8 }} message={t('mfa.undecided')} data-testid="mfa-undecided" />
      )}
      <Space direction="vertical" style={{ width: '100%' }}>
        <Checkbox.Group
          value={roles}
          onChange={(v) => setRoles(v as Role[])}
          options={ALL_ROLES.map((r) => ({ value: r, label: l(`role.${r}`) }))}
          data-testid="mfa-roles"
        />
        <Space>
          <Button type="primary" onClick={save} disabled={!policy.data} data-testid="mfa-save">
            {t('mfa.save')}
          </Button>
          <Typography.Text type="secondary">
            {roles.length === 0 ? t('mfa.optional') : t('mfa.count', { n: roles.length })}
          </Typography.Text>
        </Space>
      </Space>
    </Card>
  );
}
