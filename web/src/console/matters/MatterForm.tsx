import { Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { MATTER_SOURCE_LABELS, MATTER_SOURCES } from '../../shared/contract';
import { useLang, useT } from '../../shared/i18n';
import { useApiMutation } from '../api/mutation';
import { createMatter, matterKeys, useMatterOptions, type NewMatterBody } from './matters-api';
import { matterMessages } from './matters.messages';

interface Values {
  title: string;
  description: string;
  leaderId: string;
  unitIds: string[];
  regionId?: string;
  budgetYuan?: number;
  source: NewMatterBody['source'];
  orderIds?: string;
  milestones?: { name: string; dueOn: string }[];
}

/** A new matter of the year (a candidate): leader, claiming units, schedule; from citizen suggestions by order numbers. */
export function MatterForm({ year, onDone }: { year: number; onDone: () => void }) {
  const t = useT(matterMessages);
  const { lang } = useLang();
  const options = useMatterOptions(true).data;
  const create = useApiMutation(createMatter, { success: t('created'), invalidate: [matterKeys.all], onSuccess: onDone });
  const [form] = Form.useForm<Values>();
  const source = Form.useWatch('source', form);
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ source: 'scratch', milestones: [] }}
      data-testid="matter-form"
      onFinish={(v) =>
        create.mutate({
          year,
          title: v.title.trim(),
          description: v.description.trim(),
          leaderId: v.leaderId,
          unitIds: v.unitIds ?? [],
          regionId: v.regionId ?? null,
          budgetYuan: v.budgetYuan ?? null,
          source: v.source,
          milestones: (v.milestones ?? []).map((m) => ({ name: m.name.trim(), dueOn: m.dueOn })),
          orderIds: v.orderIds
            ? v.orderIds
                .split(/[,，\s]+/)
                .map((s) => s.trim())
                .filter(Boolean)
            : undefined,
        })
      }
    >
      <Form.Item name="title" label={t('name')} rules={[{ required: true, whitespace: true, max: 60 }]}>
        <Input data-testid="matter-title" />
      </Form.Item>
      <Form.Item name="description" label={t('description')} rules={[{ required: true, whitespace: true, max: 1000 }]}>
        <Input.TextArea rows={3} data-testid="matter-description" />
      </Form.Item>
      <Space wrap>
        <Form.Item name="leaderId" label={t('leader')} rules={[{ required: true }]}>
          <Select
            style={{ width: 200 }}
            options={options?.leaders.map((l) => ({ value: l.id, label: l.name }))}
            data-testid="matter-leader"
          />
        </Form.Item>
        <Form.Item name="regionId" label={t('region')}>
          <Select
            allowClear
            style={{ width: 200 }}
            placeholder={t('wholeCentre')}
            options={options?.regions.map((r) => ({ value: r.id, label: r.name }))}
          />
        </Form.Item>
        <Form.Item name="budgetYuan" label={t('budget')}>
          <InputNumber min={0} max={2_000_000_000} style={{ width: 160 }} />
        </Form.Item>
      </Space>
      <Form.Item name="unitIds" label={t('units')}>
        <Select
          mode="multiple"
          showSearch
          optionFilterProp="label"
          options={options?.units.map((u) => ({ value: u.id, label: u.name }))}
          data-testid="matter-units"
        />
      </Form.Item>
      <Form.Item name="source" label={t('source')}>
        <Select
          options={MATTER_SOURCES.filter((s) => s !== 'cluster').map((s) => ({ value: s, label: MATTER_SOURCE_LABELS[s][lang] }))}
        />
      </Form.Item>
      {source === 'suggestion' && (
        <Form.Item name="orderIds" label={t('orderIds')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
      )}
      <Form.List name="milestones">
        {(fields, { add, remove }) => (
          <>
            <div style={{ marginBottom: 8 }}>{t('milestones')}</div>
            {fields.map((f) => (
              <Space key={f.key} align="baseline">
                <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true, max: 100 }]}>
                  <Input placeholder={t('milestone')} data-testid={`matter-milestone-name-${f.name}`} />
                </Form.Item>
                <Form.Item name={[f.name, 'dueOn']} rules={[{ required: true }]}>
                  <Input type="date" data-testid={`matter-milestone-due-${f.name}`} />
                </Form.Item>
                <Button type="link" onClick={() => remove(f.name)}>
                  ×
                </Button>
              </Space>
            ))}
            <Form.Item>
              <Button onClick={() => add()} data-testid="matter-milestone-add">
                {t('addMilestone')}
              </Button>
            </Form.Item>
          </>
        )}
      </Form.List>
      <Space>
        <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="matter-save">
          {t('save')}
        </Button>
        <Button onClick={onDone}>{t('cancel')}</Button>
      </Space>
    </Form>
  );
}
