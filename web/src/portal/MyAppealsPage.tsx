import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useLang, useT } from '../shared/i18n';
import { apiField, apiMessage } from './portal-errors';
import { fetchMyAppeals, requestOtp, type MyAppeal } from './portal-api';
import { portalMessages } from './portal.messages';
import { when } from './ProgressView';
import { PHONE_REGEXP as PHONE } from '../../../src/orders/phone';
import { Button, Card, Notice, TextField } from './ui';
import { SmsOptOutSwitch } from './SmsOptOutSwitch';

/** "My appeals": the phone, a one-time code, then every appeal of that phone with a door to its progress. */
export function MyAppealsPage() {
  const t = useT(portalMessages);
  const { lang } = useLang();
  const navigate = useNavigate();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [phoneError, setPhoneError] = useState<string | null>(null);
  const send = useMutation({ mutationFn: () => requestOtp(phone) });
  const verify = useMutation({ mutationFn: () => fetchMyAppeals(phone, code) });
  const onSend = (event: FormEvent) => {
    event.preventDefault();
    const bad = !PHONE.test(phone);
    setPhoneError(bad ? t('badPhone') : null);
    if (!bad) send.mutate();
  };
  const onVerify = (event: FormEvent) => {
    event.preventDefault();
    if (/^\d{6}$/.test(code.trim())) verify.mutate();
  };
  const codeError = verify.isError && apiField(verify.error) === 'code' ? apiMessage(verify.error, lang, t('error')) : null;
  const open = (a: MyAppeal) => navigate('/portal/lookup', { state: { orderNo: a.orderNo, code: a.queryCode } });

  if (verify.data) {
    return (
      <section>
        <h2>{t('mineTitle')}</h2>
        {verify.data.appeals.length === 0 && <Notice kind="info">{t('mineEmpty')}</Notice>}
        <ul className="p-list" data-testid="portal-my-list">
          {verify.data.appeals.map((a) => (
            <li key={a.orderNo} data-testid="portal-my-item">
              <div className="portal-step">{a.title}</div>
              <div className="p-muted">
                {a.orderNo} · {when(a.acceptedAt)}
              </div>
              <div>{a.stageText[lang]}</div>
              <Button primary onClick={() => open(a)} style={{ marginTop: 8 }}>
                {t('mineOpen')}
              </Button>
            </li>
          ))}
        </ul>
        <SmsOptOutSwitch session={verify.data.session} initial={verify.data.smsOptedOut} />
        <Button big style={{ marginTop: 16 }} onClick={() => window.location.reload()}>
          {t('mineSignOut')}
        </Button>
      </section>
    );
  }
  return (
    <section>
      <h2>{t('mineTitle')}</h2>
      <p>{t('mineLead')}</p>
      <form onSubmit={onSend} noValidate>
        <TextField
          label={t('callerPhone')}
          error={phoneError}
          inputMode="tel"
          autoComplete="tel"
          maxLength={20}
          value={phone}
          onChange={setPhone}
          testId="portal-my-phone"
        />
        <Button big type="submit" busy={send.isPending} data-testid="portal-my-send">
          {send.isPending ? t('sending') : t('sendCode')}
        </Button>
      </form>
      {send.isError && <Notice kind="error">{apiMessage(send.error, lang, t('error'))}</Notice>}
      {send.data && (
        <Card>
          <Notice kind="success" testId="portal-my-sent">
            {t('codeSent', { minutes: send.data.expiresInMinutes })}
          </Notice>
          <form onSubmit={onVerify} noValidate>
            <TextField
              label={t('otpCode')}
              error={codeError}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              value={code}
              onChange={setCode}
              testId="portal-my-code"
            />
            <Button primary big type="submit" busy={verify.isPending} data-testid="portal-my-verify">
              {t('verify')}
            </Button>
          </form>
          {verify.isError && !codeError && <Notice kind="error">{apiMessage(verify.error, lang, t('error'))}</Notice>}
        </Card>
      )}
    </section>
  );
}
