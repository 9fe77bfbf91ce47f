import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useLocation } from 'react-router-dom';
import { ApiError } from '../shared/api';
import { useLang, useT } from '../shared/i18n';
import { apiMessage } from './portal-errors';
import { portalKeys, usePortalProgress, type PortalKey, type PortalProgress } from './portal-api';
import { portalMessages } from './portal.messages';
import { ProgressView } from './ProgressView';
import { Button, Notice, TextField } from './ui';

const KEY_STORE = 'lianxin.portal.key';

function initialKey(state: unknown): PortalKey | null {
  const fromReceipt = state as PortalKey | null;
  if (fromReceipt?.orderNo && fromReceipt.code) return fromReceipt;
  try {
    return JSON.parse(sessionStorage.getItem(KEY_STORE) ?? 'null') as PortalKey | null;
  } catch {
    return null;
  }
}

/** Look-up by order number + query code, then the progress, the reply and the rating. */
export function LookupPage() {
  const t = useT(portalMessages);
  const { lang } = useLang();
  const location = useLocation();
  const client = useQueryClient();
  const [key, setKey] = useState<PortalKey | null>(() => initialKey(location.state));
  const [draft, setDraft] = useState<PortalKey>(() => key ?? { orderNo: '', code: '' });
  const [errors, setErrors] = useState<{ orderNo?: string; code?: string }>({});
  const progress = usePortalProgress(key);
  const search = (event: FormEvent) => {
    event.preventDefault();
    const next = { orderNo: draft.orderNo.trim(), code: draft.code.trim() };
    const found = {
      orderNo: /^\d{10,14}$/.test(next.orderNo) ? undefined : t('orderNoFormat'),
      code: /^\d{6}$/.test(next.code) ? undefined : t('codeFormat'),
    };
    setErrors(found);
    if (found.orderNo || found.code) return;
    sessionStorage.setItem(KEY_STORE, JSON.stringify(next));
    setKey(next);
  };
  const onRated = (updated: PortalProgress) => client.setQueryData(portalKeys.progress(key), updated);
  const notFound = progress.error instanceof ApiError && progress.error.status === 404;

  return (
    <section>
      <h2>{t('lookupTitle')}</h2>
      <p>{t('lookupLead')}</p>
      <form onSubmit={search} noValidate>
        <TextField
          label={t('orderNo')}
          error={errors.orderNo}
          inputMode="numeric"
          maxLength={16}
          value={draft.orderNo}
          onChange={(v) => setDraft({ ...draft, orderNo: v })}
          testId="portal-lookup-no"
        />
        <TextField
          label={t('queryCode')}
          error={errors.code}
          inputMode="numeric"
          maxLength={8}
          value={draft.code}
          onChange={(v) => setDraft({ ...draft, code: v })}
          testId="portal-lookup-code"
        />
        <Button primary big type="submit" busy={progress.isFetching} data-testid="portal-lookup-submit">
          {t('lookupButton')}
        </Button>
      </form>
      {progress.isError && (
        <Notice kind="error" testId="portal-lookup-error">
          {notFound ? t('notFound') : apiMessage(progress.error, lang, t('error'))}
        </Notice>
      )}
      {progress.data && key && (
        <ProgressView progress={progress.data} portalKey={key} onRated={onRated} onRefresh={() => void progress.refetch()} />
      )}
    </section>
  );
}
