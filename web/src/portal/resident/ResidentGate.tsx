import { useState, type FormEvent, type ReactNode } from 'react';
import { useMutation } from '@tanstack/react-query';
import { PHONE_REGEXP as PHONE } from '../../../../src/orders/phone';
import { useLang, useT } from '../../shared/i18n';
import { requestOtp } from '../portal-api';
import { apiMessage } from '../portal-errors';
import { Button, Card, Field, Notice, TextField } from '../ui';
import { openResidentSession, registerSelf, useCommunities } from './resident-api';
import { residentMessages } from './resident.messages';
import { useResidentSession } from './resident-session';

/**
 * The resident's door (as 我的诉求): the phone, the one-time code, then — the first time — a name and a
 * community. Its children get the session token (header x-resident-token) and a way out.
 */
export function ResidentGate({ children }: { children: (token: string, signOut: () => void) => ReactNode }) {
  const { token, setToken } = useResidentSession();
  const [pending, setPending] = useState<string | null>(null);
  if (token) return <>{children(token, () => setToken(null))}</>;
  if (pending) return <RegisterForm token={pending} onDone={() => setToken(pending)} />;
  return <SignInForm onSignedIn={(t, registered) => (registered ? setToken(t) : setPending(t))} />;
}

function SignInForm({ onSignedIn }: { onSignedIn: (token: string, registered: boolean) => void }) {
  const t = useT(residentMessages);
  const { lang } = useLang();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [phoneError, setPhoneError] = useState<string | null>(null);
  const send = useMutation({ mutationFn: () => requestOtp(phone) });
  const verify = useMutation({
    mutationFn: () => openResidentSession(phone.trim(), code.trim()),
    onSuccess: (s) => onSignedIn(s.token, s.registered),
  });
  const onSend = (e: FormEvent) => {
    e.preventDefault();
    const bad = !PHONE.test(phone);
    setPhoneError(bad ? t('badPhone') : null);
    if (!bad) send.mutate();
  };
  const onVerify = (e: FormEvent) => {
    e.preventDefault();
    if (/^\d{4,8}$/.test(code.trim())) verify.mutate();
  };
  return (
    <section>
      <p>{t('signInLead')}</p>
      <form onSubmit={onSend} noValidate>
        <TextField
          label={t('phone')}
          error={phoneError}
          inputMode="tel"
          autoComplete="tel"
          maxLength={20}
          value={phone}
          onChange={setPhone}
          testId="resident-phone"
        />
        <Button big type="submit" busy={send.isPending} data-testid="resident-send">
          {send.isPending ? t('sending') : t('sendCode')}
        </Button>
      </form>
      {send.isError && <Notice kind="error">{apiMessage(send.error, lang, t('error'))}</Notice>}
      {send.data && (
        <Card>
          <Notice kind="success">{t('codeSent', { minutes: send.data.expiresInMinutes })}</Notice>
          <form onSubmit={onVerify} noValidate>
            <TextField
              label={t('code')}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={8}
              value={code}
              onChange={setCode}
              testId="resident-code"
            />
            <Button primary big type="submit" busy={verify.isPending} data-testid="resident-verify">
              {t('signIn')}
            </Button>
          </form>
          {verify.isError && <Notice kind="error">{apiMessage(verify.error, lang, t('error'))}</Notice>}
        </Card>
      )}
    </section>
  );
}

function RegisterForm({ token, onDone }: { token: string; onDone: () => void }) {
  const t = useT(residentMessages);
  const { lang } = useLang();
  const communities = useCommunities(true).data?.communities ?? [];
  const [name, setName] = useState('');
  const [unitId, setUnitId] = useState('');
  const save = useMutation({ mutationFn: () => registerSelf(token, { name: name.trim(), unitId }), onSuccess: onDone });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (name.trim() && unitId) save.mutate();
      }}
      noValidate
    >
      <p>{t('registerLead')}</p>
      <TextField label={t('name')} maxLength={40} value={name} onChange={setName} testId="resident-reg-name" />
      <Field label={t('community')}>
        {(a) => (
          <select
            id={a.id}
            className="p-input"
            value={unitId}
            onChange={(e) => setUnitId(e.target.value)}
            data-testid="resident-reg-unit"
          >
            <option value="">{t('chooseCommunity')}</option>
            {communities.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Button primary big type="submit" busy={save.isPending} data-testid="resident-reg-save">
        {t('register')}
      </Button>
      {save.isError && <Notice kind="error">{apiMessage(save.error, lang, t('error'))}</Notice>}
    </form>
  );
}
