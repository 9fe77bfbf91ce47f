import { useState } from 'react';
import { Button, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import { WINDOW_LEVELS, type ServiceWindowView, type WindowLevel } from '../../shared/contract';
import { useT } from '../../shared/i18n';
import { useWrite } from '../api/mutation';
import { RegionPicker } from '../common/pickers';
import { saveWindow } from './channels-api';
import { channelAdminMessages } from './channels-admin.messages';
import { channelMessages } from './channels.messages';

interface Values {
  name: string;
  hall: string;
  level: WindowLevel;
  regionId?: string | null;
  active: boolean;
  sort: number;
}

/** Add or edit a 办不成事 window: which hall, league or county level, the county, whether intake offers it. */
export function WindowForm({ window: w, onDone }: { window: ServiceWindowView | null; onDone: () => void }) {
  const t = useT(channelMessages);
  const a = useT(channelAdminMessages);
  const write = useWrite();
  const [saving, setSaving] = useState(false);
  const initial: Partial<Values> = w
    ? { name: w.name, hall: w.hall, level: w.level, regionId: w.regionId, active: w.active, sort: w.sort }
    : { level: 'county', active: true, sort: 0 };
  const submit = async (v: Values) => {
    setSaving(true);
    const done = await write(() => saveWindow(w?.id ?? null, { ...v, regionId: v.regionId ?? null }), {
      success: t('saved'),
      invalidate: [['channels']],
    });
    setSaving(false);
    if (done.ok) onDone();
  };
  return (
    <Form layout="vertical" initialValues={initial} onFinish={(v: Values) => void submit(v)} data-testid="window-form">
      <Form.Item name="name" label={t('name')} rules={[{ required: true, whitespace: true, max: 80 }]}>
        <Input data-testid="window-name" />
      </Form.Item>
      <Form.Item name="hall" label={t('hall')} rules={[{ required: true, whitespace: true, max: 80 }]}>
        <Input data-testid="window-hall" />
      </Form.Item>
      <Space wrap align="start">
        <Form.Item name="level" label={t('level')} rules={[{ required: true }]}>
          <Select style={{ width: 160 }} options={WINDOW_LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))} />
        </Form.Item>
        <Form.Item name="regionId" label={a('region')} style={{ minWidth: 240 }}>
          <RegionPicker />
        </Form.Item>
        <Form.Item name="sort" label={a('sort')}>
          <InputNumber min={0} max={10000} precision={0} />
        </Form.Item>
        <Form.Item name="active" label={t('active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Space>
      <Space>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="window-save">
          {t('save')}
        </Button>
        <Button onClick={onDone}>{a('cancel')}</Button>
      </Space>
    </Form>
  );
}
