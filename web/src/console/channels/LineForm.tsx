import { useState } from 'react';
import { Button, DatePicker, Form, Input, Radio, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { LINE_MODES, type LineMode, type MergedLineView } from '../../shared/contract';
import { useT } from '../../shared/i18n';
import { useWrite } from '../api/mutation';
import { saveLine, useMergedLines } from './channels-api';
import { channelAdminMessages } from './channels-admin.messages';
import { channelMessages } from './channels.messages';

interface Values {
  number: string;
  name: string;
  formerDepartment: string;
  mode: LineMode;
  mergedOn: Dayjs;
  retiredOn?: Dayjs | null;
  note?: string;
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/** Register a merged hotline or edit one; the server checks the dates against the mode and names the field. */
export function LineForm({ line, onDone }: { line: MergedLineView | null; onDone: () => void }) {
  const t = useT(channelMessages);
  const a = useT(channelAdminMessages);
  const write = useWrite();
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<Values>();
  const mode = Form.useWatch('mode', form);
  // A number already registered is said at once, with the line that has it (the server's answer was a
  // general 该记录已存在（可能刚被他人创建）).
  const lines = useMergedLines();
  const typed = (Form.useWatch('number', form) ?? '').trim();
  const taken = lines.data?.items.find((l) => l.number === typed && l.id !== line?.id);
  const initial: Partial<Values> = line
    ? {
        number: line.number,
        name: line.name,
        formerDepartment: line.formerDepartment,
        mode: line.mode,
        mergedOn: dayjs(line.mergedOn),
        retiredOn: line.retiredOn ? dayjs(line.retiredOn) : null,
        note: line.note ?? undefined,
      }
    : { mode: 'parallel', mergedOn: dayjs() };

  const submit = async (v: Values) => {
    setSaving(true);
    const done = await write(
      () =>
        saveLine(line?.id ?? null, {
          number: v.number.trim(),
          name: v.name,
          formerDepartment: v.formerDepartment,
          mode: v.mode,
          mergedOn: day(v.mergedOn),
          retiredOn: v.mode === 'retired' ? day(v.retiredOn) : null,
          note: v.note?.trim() || null,
        }),
      { success: t('saved'), invalidate: [['channels']] },
    );
    setSaving(false);
    if (done.ok) onDone();
  };

  return (
    <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)} data-testid="line-form">
      <Space wrap align="start">
        <Form.Item
          name="number"
          label={t('number')}
          help={taken ? a('numberTaken', { name: taken.name }) : a('numberHelp')}
          validateStatus={taken ? 'error' : undefined}
          rules={[
            { required: true, pattern: /^[0-9]{3,20}$/, message: a('numberHelp') },
            { validator: async () => (taken ? Promise.reject(new Error(a('numberTaken', { name: taken.name }))) : undefined) },
          ]}
        >
          <Input style={{ width: 180 }} inputMode="numeric" data-testid="line-number" />
        </Form.Item>
        <Form.Item name="name" label={t('name')} rules={[{ required: true, whitespace: true, max: 80 }]}>
          <Input style={{ width: 280 }} data-testid="line-name" />
        </Form.Item>
      </Space>
      <Form.Item name="formerDepartment" label={t('formerDepartment')} rules={[{ required: true, whitespace: true, max: 80 }]}>
        <Input data-testid="line-department" />
      </Form.Item>
      <Form.Item name="mode" label={t('mode')} rules={[{ required: true }]}>
        <Radio.Group options={LINE_MODES.map((m) => ({ value: m, label: t(`mode.${m}`) }))} data-testid="line-mode" />
      </Form.Item>
      <Space wrap align="start">
        <Form.Item name="mergedOn" label={t('mergedOn')} rules={[{ required: true }]}>
          <DatePicker data-testid="line-merged-on" />
        </Form.Item>
        {mode === 'retired' && (
          <Form.Item name="retiredOn" label={t('retiredOn')} help={a('retiredOnHelp')} rules={[{ required: true }]}>
            <DatePicker data-testid="line-retired-on" />
          </Form.Item>
        )}
      </Space>
      <Form.Item name="note" label={t('note')} rules={[{ max: 300 }]}>
        <Input />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="line-save">
          {t('save')}
        </Button>
        <Button onClick={onDone}>{a('cancel')}</Button>
      </Space>
    </Form>
  );
}
