import { Button, Card, Checkbox, Form, Input, InputNumber, Select } from 'antd';
import { useLang, useT } from '../../shared/i18n';
import { API_SCOPES, CHANNEL_LABELS, CHANNELS, type ApiScope, type Channel } from '../../shared/contract';
import { useWrite } from '../api/mutation';
import { apiClientKeys, createApiClient } from './apiclients-api';
import { apiClientMessages } from './apiclients.messages';

interface NewClientForm {
  name: string;
  channel: Channel;
  scopes: ApiScope[];
  contact?: string;
  ratePerMinute?: number;
  ipAllow?: string;
}

/** The form that adds an outside system; its first key (if any) is handed to `onIssued` to be shown once. */
export function NewApiClientForm({ onIssued }: { onIssued: (key: string | null) => void }) {
  const t = useT(apiClientMessages);
  const { lang } = useLang();
  const write = useWrite();
  const [form] = Form.useForm<NewClientForm>();

  const create = async (v: NewClientForm) => {
    const body = {
      name: v.name,
      channel: v.channel,
      scopes: v.scopes,
      contact: v.contact,
      ratePerMinute: v.ratePerMinute,
      ipAllow: (v.ipAllow ?? '').split(/\s+/).filter((s) => s !== ''),
    };
    const done = await write(() => createApiClient(body), {
      success: t('created', { name: v.name }),
      invalidate: [apiClientKeys.all],
    });
    if (done.ok) {
      form.resetFields();
      onIssued(done.result.issued?.key ?? null);
    }
  };

  return (
    <Card title={t('add')}>
      <Form<NewClientForm>
        form={form}
        layout="vertical"
        style={{ maxWidth: 560 }}
        initialValues={{ channel: 'open_api', scopes: ['submit', 'read'], ratePerMinute: 120 }}
        onFinish={(v) => void create(v)}
        data-testid="api-client-form"
      >
        <Form.Item name="name" label={t('name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input data-testid="api-client-name" />
        </Form.Item>
        <Form.Item name="channel" label={t('channel')}>
          <Select options={CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c][lang] }))} />
        </Form.Item>
        <Form.Item name="scopes" label={t('scopes')} rules={[{ required: true, type: 'array', min: 1 }]}>
          <Checkbox.Group options={API_SCOPES.map((s) => ({ value: s, label: t(`scope.${s}`) }))} />
        </Form.Item>
        <Form.Item name="contact" label={t('contact')} rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="ratePerMinute" label={t('rate')}>
          <InputNumber min={1} max={100000} />
        </Form.Item>
        <Form.Item name="ipAllow" label={t('ipAllow')}>
          <Input.TextArea rows={2} data-testid="api-client-ip-allow" />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="api-client-submit">
          {t('save')}
        </Button>
      </Form>
    </Card>
  );
}
