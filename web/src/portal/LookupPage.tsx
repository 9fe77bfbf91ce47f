import { useState } from 'react';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useLocation } from 'react-router-dom';
import { ApiError } from '../shared/api';
import { useLang, useT } from '../shared/i18n';
import { apiMessage } from './portal-errors';
import { portalKeys, usePortalProgress, type PortalKey, type PortalProgress } from './portal-api';
import { portalMessages } from './portal.messages';
import { ProgressView } from './ProgressView';

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
  const progress = usePortalProgress(key);
  const search = (values: PortalKey) => {
    const next = { orderNo: values.orderNo.trim(), code: values.code.trim() };
    sessionStorage.setItem(KEY_STORE, JSON.stringify(next));
    setKey(next);
  };
  const onRated = (updated: PortalProgress) => client.setQueryData(portalKeys.progress(key), updated);
  const notFound = progress.error instanceof ApiError && progress.error.status === 404;

  return (
    <section>
      <Typography.Title level={2}>{t('lookupTitle')}</Typography.Title>
      <Typography.Paragraph>{t('lookupLead')}</Typography.Paragraph>
      <Form layout="vertical" size="large" onFinish={search} initialValues={key ?? {}} requiredMark={false}>
        <Form.Item
          name="orderNo"
          label={t('orderNo')}
          rules={[{ required: true, pattern: /^\s*\d{10,14}\s*$/, message: t('orderNoFormat') }]}
        >
          <Input inputMode="numeric" maxLength={16} data-testid="portal-lookup-no" />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('queryCode')}
          rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('codeFormat') }]}
        >
          <Input inputMode="numeric" maxLength={8} data-testid="portal-lookup-code" />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          className="portal-big-button"
          loading={progress.isFetching}
          data-testid="portal-lookup-submit"
        >
          {t('lookupButton')}
        </Button>
      </Form>
      {progress.isError && (
        <Alert
          type="error"
          showIcon
          data-testid="portal-lookup-error"
          title={notFound ? t('notFound') : apiMessage(progress.error, lang, t('error'))}
        />
      )}
      {progress.data && key && (
        <ProgressView progress={progress.data} portalKey={key} onRated={onRated} onRefresh={() => void progress.refetch()} />
      )}
    </section>
  );
}
