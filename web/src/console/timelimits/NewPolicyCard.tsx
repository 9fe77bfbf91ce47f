import { APPEAL_TYPES, LIMIT_UNITS, STAGES, type AppealType } from '../../shared/contract';
import { Button, Card, Form, Input, InputNumber, Select } from 'antd';
import { keys } from '../api/keys';
import { useApiMutation } from '../api/mutation';
import { useT } from '../../shared/i18n';
import { timelimitMessages, type TimelimitMessageKey } from './timelimits.messages';
import { addPolicy } from './timelimits-api';

/** The form that adds a time-limit rule (stage × appeal type × priority × category → amount). */
export function NewPolicyCard({ catOptions }: { catOptions: { value: string; label: string }[] }) {
  const t = useT(timelimitMessages);
  const tk = (k: string) => t(k as TimelimitMessageKey);
  const [form] = Form.useForm();
  const add = useApiMutation(addPolicy, {
    success: t('tl.saved'),
    invalidate: [keys.timeLimitPolicies],
    onSuccess: () => form.resetFields(),
  });
  return (
    <Card size="small" title={t('tl.add')} style={{ marginBottom: 12 }}>
      <Form
        form={form}
        layout="inline"
        onFinish={(v) => add.mutate(v)}
        initialValues={{ stage: 'reply', unit: 'working_days', amount: 5 }}
      >
        <Form.Item name="stage" label={t('tl.stage')} rules={[{ required: true }]}>
          <Select style={{ width: 120 }} options={STAGES.map((s) => ({ value: s, label: tk(`stage.${s}`) }))} />
        </Form.Item>
        <Form.Item name="appealType" label={t('tl.appealType')}>
          <Select
            allowClear
            style={{ width: 120 }}
            options={APPEAL_TYPES.map((v) => ({ value: v, label: tk(`appealType.${v as AppealType}`) }))}
          />
        </Form.Item>
        <Form.Item name="priority" label={t('tl.priority')}>
          <Select allowClear style={{ width: 80 }} options={[1, 2, 3, 4].map((v) => ({ value: v, label: v }))} />
        </Form.Item>
        <Form.Item name="categoryId" label={t('tl.category')}>
          <Select allowClear showSearch optionFilterProp="label" style={{ width: 180 }} options={catOptions} />
        </Form.Item>
        <Form.Item name="amount" label={t('tl.amount')} rules={[{ required: true }]}>
          <InputNumber min={0} style={{ width: 80 }} />
        </Form.Item>
        <Form.Item name="unit" rules={[{ required: true }]}>
          <Select style={{ width: 110 }} options={LIMIT_UNITS.map((u) => ({ value: u, label: tk(`unit.${u}`) }))} />
        </Form.Item>
        <Form.Item name="note">
          <Input placeholder={t('tl.rule.note')} style={{ width: 200 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={add.isPending}>
          {t('tl.add')}
        </Button>
      </Form>
    </Card>
  );
}
