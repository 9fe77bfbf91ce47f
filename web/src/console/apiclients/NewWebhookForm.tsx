import { Button, Checkbox, Form, Input } from 'antd';
import { useLang, useT } from '../../shared/i18n';
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENTS, type WebhookEvent } from '../../shared/contract';
import { useWrite } from '../api/mutation';
import { createWebhook, webhookKeys } from './webhooks-api';
import { webhookMessages } from './webhooks.messages';

interface NewWebhook {
  url: string;
  events: WebhookEvent[];
  description?: string;
}

const DEFAULT_EVENTS: WebhookEvent[] = ['order.accepted', 'order.dispatched', 'order.replied', 'order.closed'];

/** The address, or null when it is none (URL.canParse is too new for the browsers of some offices). */
function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/** An address the server could post to (http or https), said in words before the server's own check. */
const webAddress = (message: string) => async (_: unknown, value: string | undefined) => {
  if (!value?.trim()) return;
  const url = parseUrl(value.trim());
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) throw new Error(message);
};

/** Subscribes a URL for the client; the new signing secret is handed to `onSecret` to be shown once. */
export function NewWebhookForm({ clientId, onSecret }: { clientId: string; onSecret: (secret: string) => void }) {
  const t = useT(webhookMessages);
  const { lang } = useLang();
  const write = useWrite();
  const [form] = Form.useForm<NewWebhook>();
  const add = async (v: NewWebhook) => {
    const done = await write(() => createWebhook(clientId, v), { success: t('added'), invalidate: [webhookKeys.of(clientId)] });
    if (done.ok) {
      form.resetFields();
      onSecret(done.result.secret);
    }
  };
  return (
    <Form<NewWebhook>
      form={form}
      layout="vertical"
      initialValues={{ events: DEFAULT_EVENTS }}
      onFinish={(v) => void add(v)}
      data-testid="webhook-form"
    >
      <Form.Item
        name="url"
        label={t('url')}
        extra={t('urlHint')}
        rules={[{ required: true, whitespace: true, max: 2000 }, { validator: webAddress(t('urlInvalid')) }]}
      >
        <Input placeholder="https://" data-testid="webhook-url" />
      </Form.Item>
      <Form.Item name="events" label={t('events')} rules={[{ required: true, type: 'array', min: 1 }]}>
        <Checkbox.Group options={WEBHOOK_EVENTS.map((e) => ({ value: e, label: WEBHOOK_EVENT_LABELS[e][lang] }))} />
      </Form.Item>
      <Form.Item name="description" label={t('description')} rules={[{ max: 200 }]}>
        <Input />
      </Form.Item>
      <Button type="primary" htmlType="submit" data-testid="webhook-submit">
        {t('add')}
      </Button>
    </Form>
  );
}
