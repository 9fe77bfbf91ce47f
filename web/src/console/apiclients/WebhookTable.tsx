import { Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useLang, useT } from '../../shared/i18n';
import { WEBHOOK_EVENT_LABELS, type ClientWebhookView, type WebhookEvent } from '../../shared/contract';
import { useWrite } from '../api/mutation';
import { deleteWebhook, pauseWebhook, pingWebhook, resumeWebhook, rotateWebhookSecret, webhookKeys } from './webhooks-api';
import { webhookMessages } from './webhooks.messages';

interface Props {
  clientId: string;
  webhooks: ClientWebhookView[];
  loading: boolean;
  onSecret: (secret: string) => void;
  /** Shows a subscription's delivery log (null: none, after a delete). */
  onShowLog: (webhook: ClientWebhookView | null) => void;
}

/** The client's subscriptions: state, last attempt, and the administrator's acts on each. */
export function WebhookTable({ clientId, webhooks, loading, onSecret, onShowLog }: Props) {
  const t = useT(webhookMessages);
  const { lang } = useLang();
  const write = useWrite();
  const invalidate = [webhookKeys.of(clientId)];
  const when = (at: string | null) => (at ? new Date(at).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN') : t('never'));
  const ping = (w: ClientWebhookView) => {
    onShowLog(w);
    void write(() => pingWebhook(clientId, w.id), { success: t('pinged') });
  };
  const rotate = async (w: ClientWebhookView) => {
    const done = await write(() => rotateWebhookSecret(clientId, w.id), { invalidate });
    if (done.ok) onSecret(done.result.secret);
  };
  const remove = async (w: ClientWebhookView) => {
    const done = await write(() => deleteWebhook(clientId, w.id), { success: t('removed'), invalidate });
    if (done.ok) onShowLog(null);
  };
  const state = (w: ClientWebhookView) =>
    !w.pausedAt ? (
      <Tag color="green">{t('active')}</Tag>
    ) : (
      <Tag color="orange">
        {w.pauseReason === 'failures' ? t('pausedFailures', { n: w.consecutiveFailures }) : t('pausedAdmin')}
      </Tag>
    );
  return (
    <Table<ClientWebhookView>
      rowKey="id"
      size="small"
      loading={loading}
      pagination={false}
      dataSource={webhooks}
      onRow={(w) => ({ 'data-testid': `webhook-${w.url}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('url'), dataIndex: 'url', render: (u: string) => <Typography.Text code>{u}</Typography.Text> },
        {
          title: t('events'),
          dataIndex: 'events',
          render: (es: WebhookEvent[]) => es.map((e) => <Tag key={e}>{WEBHOOK_EVENT_LABELS[e][lang]}</Tag>),
        },
        { title: t('state'), key: 'state', width: 150, render: (_, w) => state(w) },
        {
          title: t('lastAttempt'),
          key: 'last',
          width: 170,
          render: (_, w) => `${when(w.lastAttemptAt)}${w.lastStatusCode ? ` · ${w.lastStatusCode}` : ''}`,
        },
        {
          title: t('actions'),
          key: 'actions',
          render: (_, w) => (
            <Space wrap size={4}>
              <Button size="small" onClick={() => ping(w)} data-testid="webhook-ping">
                {t('ping')}
              </Button>
              <Button size="small" onClick={() => onShowLog(w)} data-testid="webhook-log">
                {t('log')}
              </Button>
              {w.pausedAt ? (
                <Button
                  size="small"
                  onClick={() => void write(() => resumeWebhook(clientId, w.id), { success: t('resumed'), invalidate })}
                  data-testid="webhook-resume"
                >
                  {t('resume')}
                </Button>
              ) : (
                <Button
                  size="small"
                  onClick={() => void write(() => pauseWebhook(clientId, w.id), { success: t('paused'), invalidate })}
                  data-testid="webhook-pause"
                >
                  {t('pause')}
                </Button>
              )}
              <Popconfirm title={t('rotateConfirm')} onConfirm={() => void rotate(w)}>
                <Button size="small">{t('rotate')}</Button>
              </Popconfirm>
              <Popconfirm title={t('removeConfirm')} onConfirm={() => void remove(w)}>
                <Button size="small" danger>
                  {t('remove')}
                </Button>
              </Popconfirm>
            </Space>
          ),
        },
      ]}
    />
  );
}
