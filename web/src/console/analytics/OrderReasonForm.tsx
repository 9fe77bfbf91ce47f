import { Button, Card, Form, Input } from 'antd';
import { useT } from '../../shared/i18n';
import { analyticsMessages } from './analytics.messages';

/** An order number and a reason: the form of a unit's 申诉 and of an exclusion. */
export function OrderReasonForm(props: {
  title: string;
  submit: string;
  onSubmit: (v: { orderId: string; reason: string }) => Promise<void>;
}) {
  const t = useT(analyticsMessages);
  const [form] = Form.useForm<{ orderId: string; reason: string }>();
  return (
    <Card title={props.title} size="small" style={{ marginBottom: 16 }}>
      <Form
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          await props.onSubmit(v);
          form.resetFields();
        }}
      >
        <Form.Item name="orderId" label={t('as.appeal.orderNo')} rules={[{ required: true, max: 40 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="reason" label={t('as.appeal.reason')} rules={[{ required: true, max: 2000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {props.submit}
        </Button>
      </Form>
    </Card>
  );
}
