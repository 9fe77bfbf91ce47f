import { useState } from 'react';
import { Button, Card, Form, InputNumber, Select, Space } from 'antd';
import type { EscalationSettings } from '../../shared/contract';
import { keys } from '../api/keys';
import { useApiMutation } from '../api/mutation';
import { useT } from '../../shared/i18n';
import { timelimitMessages } from './timelimits.messages';
import { applyBanbuchengPreset, saveTimeLimitSettings } from './timelimits-api';

const invalidate = [keys.timeLimitPolicies];

/** The escalation ladder: warning and reminder shares, 督办 after, 协办 and progress days. */
export function EscalationSettingsCard({ settings }: { settings: EscalationSettings | undefined }) {
  const t = useT(timelimitMessages);
  const save = useApiMutation(saveTimeLimitSettings, { success: t('tl.saved'), invalidate });
  return (
    <Card size="small" title={t('tl.settings')}>
      {settings && (
        <Form layout="vertical" initialValues={settings} onFinish={(v) => save.mutate(v as EscalationSettings)}>
          <Form.Item name="yellowShare" label={t('tl.yellowShare')}>
            <InputNumber min={0.05} max={0.99} step={0.05} />
          </Form.Item>
          <Form.Item name="urgeShare" label={t('tl.urgeShare')}>
            <InputNumber min={0.05} max={0.99} step={0.05} />
          </Form.Item>
          <Form.Item name="superviseAfterWorkingDays" label={t('tl.superviseAfter')}>
            <InputNumber min={0} max={30} />
          </Form.Item>
          <Form.Item name="supervisionDueWorkingDays" label={t('tl.supervisionDue')}>
            <InputNumber min={0} max={30} />
          </Form.Item>
          <Form.Item name="assistWorkingDays" label={t('tl.assistDays')}>
            <InputNumber min={1} max={30} data-testid="tl-assist-days" />
          </Form.Item>
          <Form.Item name="progressWorkingDays" label={t('tl.progressDays')}>
            <InputNumber min={1} max={30} data-testid="tl-progress-days" />
          </Form.Item>
          <Button htmlType="submit" loading={save.isPending}>
            {t('cal.save')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

/** 办不成事: the preset rules applied to one category. */
export function PresetCard({ catOptions }: { catOptions: { value: string; label: string }[] }) {
  const t = useT(timelimitMessages);
  const [category, setCategory] = useState<string | undefined>();
  const preset = useApiMutation(applyBanbuchengPreset, { success: t('tl.saved'), invalidate });
  return (
    <Card size="small" title={t('tl.preset')}>
      <Space>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: 220 }}
          options={catOptions}
          value={category}
          onChange={setCategory}
        />
        <Button disabled={!category} onClick={() => category && preset.mutate(category)}>
          {t('tl.presetApply')}
        </Button>
      </Space>
    </Card>
  );
}
