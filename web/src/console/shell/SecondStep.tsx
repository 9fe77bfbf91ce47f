import { useEffect, useState } from 'react';
import { Alert, Button, Form, Image, Input, Typography } from 'antd';
import { ApiError } from '../../shared/api';
import { useLang, useT } from '../../shared/i18n';
import type { TotpEnrolmentView } from '../../shared/contract';
import { confirmTotpEnrolment, startTotpEnrolment, verifySecondStep } from '../api/queries';
import { shellMessages } from './shell.messages';

export type SecondStepKind = { mfa: 'totp' | 'enrol'; challenge: string };

function useErrorText() {
  const { lang } = useLang();
  const t = useT(shellMessages);
  return (e: unknown) => (e instanceof ApiError ? (lang === 'en' ? e.messageEn : e.messageZh) : t('login.failed'));
}

/** The recovery codes, shown once after an enrolment. */
export function RecoveryCodes(props: { codes: string[]; onDone: () => void }) {
  const t = useT(shellMessages);
  return (
    <div data-testid="mfa-recovery-codes">
      <Typography.Title level={5}>{t('mfa.codesTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('mfa.codesNote')}</Typography.Paragraph>
      <pre style={{ fontSize: 15, background: '#fafafa', padding: 12, columns: 2 }}>{props.codes.join('\n')}</pre>
      <Button type="primary" block onClick={props.onDone} data-testid="mfa-codes-done">
        {t('mfa.continue')}
      </Button>
    </div>
  );
}

/** Enrolment: the QR code (and the key to type), then a code from the app confirms it. */
export function TotpEnrolment(props: { challenge?: string; onEnrolled: (codes: string[]) => void }) {
  const t = useT(shellMessages);
  const errorText = useErrorText();
  const [enrolment, setEnrolment] = useState<TotpEnrolmentView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    startTotpEnrolment(props.challenge).then(setEnrolment, (e: unknown) => setError(errorText(e)));
  }, [props.challenge]); // once per challenge
  async function confirm(values: { code: string }) {
    setError(null);
    try {
      props.onEnrolled((await confirmTotpEnrolment(values.code.trim(), props.challenge)).recoveryCodes);
    } catch (e) {
      setError(errorText(e));
    }
  }
  return (
    <div data-testid="mfa-enrol">
      <Typography.Paragraph type="secondary">{t('mfa.enrolNote')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="mfa-error" />}
      {enrolment && (
        <>
          <div style={{ textAlign: 'center' }}>
            <Image src={enrolment.qrDataUrl} width={200} preview={false} alt="QR" data-testid="mfa-qr" />
          </div>
          <Typography.Paragraph>
            {t('mfa.secret')}:{' '}
            <Typography.Text code copyable data-testid="mfa-secret">
              {enrolment.secret}
            </Typography.Text>
          </Typography.Paragraph>
          <Form layout="vertical" onFinish={confirm} requiredMark={false}>
            <Form.Item name="code" label={t('mfa.code')} rules={[{ required: true, pattern: /^\s*\d{6}\s*$/ }]}>
              <Input data-testid="mfa-enrol-code" autoFocus inputMode="numeric" autoComplete="one-time-code" maxLength={8} />
            </Form.Item>
            <Button type="primary" htmlType="submit" block data-testid="mfa-enrol-submit">
              {t('mfa.confirm')}
            </Button>
          </Form>
        </>
      )}
    </div>
  );
}

/** The second step of a sign-in: a code from the app (or a recovery code), or enrolment when due. */
export function SecondStep(props: { step: SecondStepKind; onSignedIn: () => void; onBack: () => void }) {
  const t = useT(shellMessages);
  const errorText = useErrorText();
  const [error, setError] = useState<string | null>(null);
  const [recovery, setRecovery] = useState(false);
  const [codes, setCodes] = useState<string[] | null>(null);
  async function verify(values: { code?: string; recoveryCode?: string }) {
    setError(null);
    try {
      await verifySecondStep({ challenge: props.step.challenge, ...values });
      props.onSignedIn();
    } catch (e) {
      setError(errorText(e));
    }
  }
  const back = (
    <Button type="link" onClick={props.onBack} style={{ paddingLeft: 0 }} data-testid="mfa-back">
      {t('mfa.back')}
    </Button>
  );
  if (codes) return <RecoveryCodes codes={codes} onDone={props.onSignedIn} />;
  if (props.step.mfa === 'enrol') {
    return (
      <>
        <Typography.Title level={5}>{t('mfa.enrolTitle')}</Typography.Title>
        <TotpEnrolment challenge={props.step.challenge} onEnrolled={setCodes} />
        {back}
      </>
    );
  }
  return (
    <div data-testid="mfa-totp">
      <Typography.Title level={5}>{t('mfa.totpTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('mfa.totpNote')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="mfa-error" />}
      <Form layout="vertical" onFinish={verify} requiredMark={false} key={recovery ? 'recovery' : 'code'}>
        {recovery ? (
          <Form.Item name="recoveryCode" label={t('mfa.recoveryCode')} rules={[{ required: true }]}>
            <Input data-testid="mfa-recovery" autoFocus />
          </Form.Item>
        ) : (
          <Form.Item name="code" label={t('mfa.code')} rules={[{ required: true, pattern: /^\d{6}$/ }]}>
            <Input data-testid="mfa-code" autoFocus inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" block data-testid="mfa-submit">
          {t('mfa.verify')}
        </Button>
      </Form>
      {!recovery && (
        <Button type="link" onClick={() => setRecovery(true)} style={{ paddingLeft: 0 }} data-testid="mfa-use-recovery">
          {t('mfa.useRecovery')}
        </Button>
      )}
      {back}
    </div>
  );
}
