import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../shared/api';
import { useLang, useT } from '../../shared/i18n';
import { fetchMe, keys, signIn } from '../api/queries';
import { shellMessages } from './shell.messages';
import { homeFor } from './nav';
import { rememberSignedIn } from './session';
import { LangSwitch } from './LangSwitch';
import { SecondStep, type SecondStepKind } from './SecondStep';

/** Staff sign-in; on success the session cookie is set by the server and the user lands on their home. */
export function LoginPage() {
  const t = useT(shellMessages);
  const { lang } = useLang();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [step, setStep] = useState<SecondStepKind | null>(null);

  async function enter() {
    rememberSignedIn();
    const me = await fetchMe();
    client.setQueryData(keys.me, me);
    navigate(homeFor(me.roles), { replace: true });
  }

  async function submit(values: { username: string; password: string }) {
    setBusy(true);
    setError(null);
    try {
      const answer = await signIn(values);
      // A second step is due (TOTP code, or enrolment the centre requires): no session yet.
      if ('mfa' in answer) setStep({ mfa: answer.mfa, challenge: answer.challenge });
      else await enter();
    } catch (e) {
      setError(e instanceof ApiError ? (lang === 'en' ? e.messageEn : e.messageZh) : t('login.failed'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div style={{ minHeight: '100vh', boxSizing: 'border-box', background: '#f0f2f5', paddingTop: 100 }}>
      <Card style={{ maxWidth: 400, margin: '0 auto' }} extra={<LangSwitch />}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('appName')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('login.title')}</Typography.Paragraph>
        {step && <SecondStep step={step} onSignedIn={() => void enter()} onBack={() => setStep(null)} />}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form layout="vertical" onFinish={submit} requiredMark={false} hidden={step !== null}>
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true }]}>
            <Input data-testid="login-username" autoFocus autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true }]}>
            <Input.Password data-testid="login-password" autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
