import { Table, Tag, Typography } from 'antd';
import { useLang, useT } from '../../shared/i18n';
import { WEBHOOK_EVENT_LABELS, type WebhookDeliveryView, type WebhookOutcome } from '../../shared/contract';
import { useWebhookDeliveries } from './webhooks-api';
import { webhookMessages } from './webhooks.messages';

const OUTCOME_COLOR: Record<WebhookOutcome, string> = { delivered: 'green', failed: 'red', skipped: 'default' };

/** The delivery log of one subscription: a row per attempt, newest first (refreshed while shown). */
export function WebhookDeliveries({ clientId, webhookId, url }: { clientId: string; webhookId: string; url: string }) {
  const t = useT(webhookMessages);
  const { lang } = useLang();
  const log = useWebhookDeliveries(clientId, webhookId);
  const when = (at: string) => new Date(at).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN');
  return (
    <div data-testid="webhook-deliveries">
      <Typography.Title level={5}>{t('logOf', { url })}</Typography.Title>
      <Table<WebhookDeliveryView>
        rowKey="id"
        size="small"
        loading={log.isLoading}
        pagination={false}
        locale={{ emptyText: t('logEmpty') }}
        dataSource={log.data?.deliveries ?? []}
        onRow={(d) => ({ 'data-testid': `delivery-${d.outcome}-${d.event}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('at'), dataIndex: 'at', width: 170, render: when },
          { title: t('event'), dataIndex: 'event', render: (e: WebhookDeliveryView['event']) => WEBHOOK_EVENT_LABELS[e][lang] },
          { title: t('attempt'), dataIndex: 'attempt', width: 70 },
          {
            title: t('outcome'),
            dataIndex: 'outcome',
            width: 80,
            render: (o: WebhookOutcome) => <Tag color={OUTCOME_COLOR[o]}>{t(`outcome.${o}`)}</Tag>,
          },
          { title: t('status'), dataIndex: 'statusCode', width: 70 },
          { title: t('duration'), dataIndex: 'durationMs', width: 90 },
          { title: t('error'), dataIndex: 'error', ellipsis: true },
        ]}
      />
    </div>
  );
}
