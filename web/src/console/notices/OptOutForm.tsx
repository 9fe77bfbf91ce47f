import { Button, Card, Form, Input, Radio, Typography } from 'antd';
import { useT } from '../../shared/i18n';
import { useWrite } from '../api/mutation';
import { noticeKeys, setCitizenOptOut } from './notices-api';
import { noticeMessages } from './notices.messages';

/** A citizen's "no more notices" (or back in), recorded by staff on the citizen's word. */
export function OptOutForm() {
  const t = useT(noticeMessages);
  const write = useWrite();
  const [form] = Form.useForm<{ address: string; optedOut: boolean }>();
  const submit = async (v: { address: string; optedOut: boolean }) => {
    const done = await write(() => setCitizenOptOut({ address: v.address.trim(), optedOut: v.optedOut }), {
      success: (r) => t(r.optedOut ? 'opt.doneOut' : 'opt.doneIn', { address: r.address }),
      invalidate: [noticeKeys.all],
    });
    if (done.ok) form.resetFields();
  };
  return (
    <Card size="small" title={t('opt.title')} style={{ maxWidth: 560 }}>
      <Typography.Paragraph type="secondary">{t('opt.hint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ optedOut: true }} onFinish={(v) => void submit(v)}>
        <Form.Item name="address" label={t('opt.address')} rules={[{ required: true, whitespace: true, min: 3, max: 200 }]}>
          <Input data-testid="opt-out-address" />
        </Form.Item>
        <Form.Item name="optedOut" label={t('opt.action')}>
          <Radio.Group
            options={[
              { value: true, label: t('opt.out') },
              { value: false, label: t('opt.in') },
            ]}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="opt-out-submit">
          {t('opt.submit')}
        </Button>
      </Form>
    </Card>
  );
}
