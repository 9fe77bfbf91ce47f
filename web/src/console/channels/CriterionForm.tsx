import { useEffect } from 'react';
import { Button, Form, InputNumber, Space, Typography } from 'antd';
import { useT } from '../../shared/i18n';
import { useWrite } from '../api/mutation';
import { saveCriterion, useRetirementCriterion } from './channels-api';
import { channelAdminMessages } from './channels-admin.messages';
import { channelMessages } from './channels.messages';

interface Values {
  maxCalls: number;
  /** Percent on the form, a share (0…1) on the wire. */
  maxSharePercent: number;
  months: number;
}

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

/** The centre's retirement criterion: the thresholds the monthly report marks 建议取消 by. */
export function CriterionForm() {
  const t = useT(channelMessages);
  const a = useT(channelAdminMessages);
  const write = useWrite();
  const criterion = useRetirementCriterion();
  const [form] = Form.useForm<Values>();
  const c = criterion.data;
  useEffect(() => {
    if (c) form.setFieldsValue({ maxCalls: c.maxCalls, maxSharePercent: Math.round(c.maxShare * 1000) / 10, months: c.months });
  }, [c, form]);
  const save = (v: Values) =>
    write(() => saveCriterion({ maxCalls: v.maxCalls, maxShare: v.maxSharePercent / 100, months: v.months }), {
      success: a('criterionSaved'),
      invalidate: [['channels']],
    });
  return (
    <Form form={form} layout="vertical" onFinish={(v) => void save(v)} style={{ maxWidth: 640 }} data-testid="criterion-form">
      {c && (
        <Typography.Paragraph type="secondary" data-testid="criterion-hint">
          {t('criterionHint', { months: c.months, calls: c.maxCalls, share: percent(c.maxShare) })}
        </Typography.Paragraph>
      )}
      <Space wrap align="start" size={24}>
        <Form.Item name="maxCalls" label={t('maxCalls')} rules={[{ required: true }]}>
          <InputNumber min={0} max={1_000_000} precision={0} data-testid="criterion-calls" />
        </Form.Item>
        <Form.Item name="maxSharePercent" label={t('maxShare')} rules={[{ required: true }]}>
          <InputNumber min={0} max={100} precision={2} data-testid="criterion-share" />
        </Form.Item>
        <Form.Item name="months" label={t('months')} rules={[{ required: true }]}>
          <InputNumber min={1} max={12} precision={0} data-testid="criterion-months" />
        </Form.Item>
      </Space>
      <Button type="primary" htmlType="submit" data-testid="criterion-save">
        {t('save')}
      </Button>
    </Form>
  );
}
