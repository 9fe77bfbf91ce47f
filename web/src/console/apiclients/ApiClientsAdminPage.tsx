import { useState } from 'react';
import { Alert, Card, Modal, Space, Typography } from 'antd';
import { useT } from '../../shared/i18n';
import type { ApiClientView } from '../../shared/contract';
import { ApiClientTable } from './ApiClientTable';
import { ClientWebhooksDrawer } from './ClientWebhooksDrawer';
import { apiClientMessages } from './apiclients.messages';
import { NewApiClientForm } from './NewApiClientForm';

/**
 * /admin/api-clients (ADR 0180): outside systems, their scopes and keys; a new key is shown once in a
 * dialog; a client's 回调 (webhooks, ADR 0182) open in a drawer.
 */
export function ApiClientsAdminPage() {
  const t = useT(apiClientMessages);
  const [shownKey, setShownKey] = useState<string | null>(null);
  const [webhooksOf, setWebhooksOf] = useState<ApiClientView | null>(null);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('title')} data-testid="api-clients-admin">
        <Alert type="info" showIcon message={t('hint')} style={{ marginBottom: 12 }} />
        <ApiClientTable onIssued={setShownKey} onWebhooks={setWebhooksOf} />
      </Card>
      <NewApiClientForm onIssued={setShownKey} />
      <Modal open={shownKey !== null} title={t('keyTitle')} onCancel={() => setShownKey(null)} onOk={() => setShownKey(null)}>
        <Alert type="warning" showIcon message={t('keyHint')} style={{ marginBottom: 12 }} />
        <Typography.Paragraph copyable code data-testid="api-key-shown">
          {shownKey}
        </Typography.Paragraph>
      </Modal>
      {webhooksOf && <ClientWebhooksDrawer client={webhooksOf} onClose={() => setWebhooksOf(null)} />}
    </Space>
  );
}
