import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useLang, useT } from '../shared/i18n';
import { putMySmsOptOut } from './portal-api';
import { apiMessage } from './portal-errors';
import { portalMessages } from './portal.messages';
import { Card, Notice } from './ui';

/**
 * 不再接收短信通知 on 我的诉求 (issue 16): the phone just proved by its code switches SMS notices off (or
 * on again) itself, with the short session the list came with. Verification codes still come.
 */
export function SmsOptOutSwitch({ session, initial }: { session: string; initial: boolean }) {
  const t = useT(portalMessages);
  const { lang } = useLang();
  const [optedOut, setOptedOut] = useState(initial);
  const save = useMutation({
    mutationFn: (next: boolean) => putMySmsOptOut(session, next),
    onSuccess: (answer) => setOptedOut(answer.smsOptedOut),
  });
  return (
    <Card testId="portal-sms-optout">
      <label className="p-check" style={{ marginBottom: 8 }}>
        <input
          type="checkbox"
          role="switch"
          checked={optedOut}
          disabled={save.isPending}
          onChange={(e) => save.mutate(e.target.checked)}
          data-testid="portal-sms-optout-switch"
        />
        <span>
          <strong>{t('smsOptOut')}</strong>
          <br />
          <span className="p-muted">{t('smsOptOutHint')}</span>
        </span>
      </label>
      {save.isSuccess && (
        <Notice kind="success" testId="portal-sms-optout-done">
          {optedOut ? t('smsOptOutDone') : t('smsOptInDone')}
        </Notice>
      )}
      {save.isError && <Notice kind="error">{apiMessage(save.error, lang, t('error'))}</Notice>}
    </Card>
  );
}
