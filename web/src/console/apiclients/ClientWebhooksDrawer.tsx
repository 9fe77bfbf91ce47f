import { useState } from 'react';
import { Alert, Divider, Drawer, Modal, Typography } from 'antd';
import { useT } from '../../shared/i18n';
import type { ApiClientView, ClientWebhookView } from '../../shared/contract';
import { NewWebhookForm } from './NewWebhookForm';
import { WebhookDeliveries } from './WebhookDeliveries';
import { WebhookTable } from './WebhookTable';
import { useClientWebhooks } from './webhooks-api';
import { webhookMessages } from './webhooks.messages';

/** 回调 (ADR 0182): one client's webhook subscriptions, the form to add one, the secret shown once, the log. */
export function ClientWebhooksDrawer({ client, onClose }: { client: ApiClientView; onClose: () => void }) {
  const t = useT(webhookMessages);
  const list = useClientWebhooks(client.id);
  const [secret, setSecret] = useState<string | null>(null);
  const [logOf, setLogOf] = useState<ClientWebhookView | null>(null);
  const granted = list.data?.scopeGranted ?? true;
  return (
    <Drawer open width={980} title={t('title', { name: client.name })} onClose={onClose} data-testid="client-webhooks">
      <Alert type="info" showIcon message={t('hint', { n: list.data?.pauseAfterFailures ?? 10 })} style={{ marginBottom: 12 }} />
      {!granted && (
        <Alert type="warning" showIcon message={t('noScope')} style={{ marginBottom: 12 }} data-testid="webhook-no-scope" />
      )}
      <WebhookTable
        clientId={client.id}
        webhooks={list.data?.webhooks ?? []}
        loading={list.isLoading}
        onSecret={setSecret}
        onShowLog={setLogOf}
      />
      {granted && (
        <>
          <Divider titlePlacement="start">{t('add')}</Divider>
          <NewWebhookForm clientId={client.id} onSecret={setSecret} />
        </>
      )}
      {logOf && (
        <>
          <Divider />
          <WebhookDeliveries clientId={client.id} webhookId={logOf.id} url={logOf.url} />
        </>
      )}
      <Modal open={secret !== null} title={t('secretTitle')} onCancel={() => setSecret(null)} onOk={() => setSecret(null)}>
        <Alert type="warning" showIcon message={t('secretHint')} style={{ marginBottom: 12 }} />
        <Typography.Paragraph copyable code data-testid="webhook-secret-shown">
          {secret}
        </Typography.Paragraph>
      </Modal>
    </Drawer>
  );
}
