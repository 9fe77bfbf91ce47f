import { Button, Form, Input, Typography } from 'antd';
import { useT } from '../../shared/i18n';
import { useWrite } from '../api/mutation';
import { changePassword } from '../api/queries';
import { accountMessages } from './account.messages';

/** Self-service password change (POST /api/auth/password): every session ends, so the user signs in again. */
export function PasswordChangeForm(props: { username: string; onChanged: () => void }) {
  const t = useT(accountMessages);
  const write = useWrite();
  async function submit(values: { currentPassword: string; newPassword: string }) {
    const done = await write(() => changePassword({ username: props.username, ...values }), { success: t('password.done') });
    if (done.ok) props.onChanged();
  }
  return (
    <Form layout="vertical" onFinish={submit} requiredMark={false} style={{ maxWidth: 360 }} data-testid="password-change">
      <Typography.Title level={5}>{t('password.title')}</Typography.Title>
      <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true }]}>
        <Input.Password autoComplete="current-password" data-testid="password-current" />
      </Form.Item>
      <Form.Item name="newPassword" label={t('password.new')} extra={t('password.rules')} rules={[{ required: true, min: 8 }]}>
        <Input.Password autoComplete="new-password" data-testid="password-new" />
      </Form.Item>
      <Button htmlType="submit" data-testid="password-submit">
        {t('password.submit')}
      </Button>
    </Form>
  );
}
