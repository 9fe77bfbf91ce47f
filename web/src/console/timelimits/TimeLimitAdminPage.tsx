import { APPEAL_TYPES, LIMIT_UNITS, STAGES, limitInWords, type AppealType, type LimitUnit } from '../../shared/contract';
import { useState } from 'react';
import { Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Table, Typography } from 'antd';
import { keys } from '../api/keys';
import { useApiMutation } from '../api/mutation';
import { useLang, useT } from '../../shared/i18n';
import { useCategories } from '../api/queries';
import { timelimitMessages, type TimelimitMessageKey } from './timelimits.messages';
import {
  addPolicy,
  applyBanbuchengPreset,
  retirePolicy,
  saveTimeLimitSettings,
  useTimeLimitPolicies,
  type Rule,
} from './timelimits-api';
import type { EscalationSettings } from '../../shared/contract';
import { LeaderSettingsCard } from '../leader/LeaderSettingsCard';

/** Time-limit rules by appeal type × priority × category, the defaults, and the escalation ladder. */
export function TimeLimitAdminPage() {
  const t = useT(timelimitMessages);
  const tk = (k: string) => t(k as TimelimitMessageKey);
  const { lang } = useLang();
  const appealType = (v: string) => tk(`appealType.${v as AppealType}`);
  const view = useTimeLimitPolicies();
  const categories = useCategories();
  const catName = new Map((categories.data?.items ?? []).map((c) => [c.id, c.name]));
  const catOptions = (categories.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }));
  const [presetCat, setPresetCat] = useState<string | undefined>();
  const [form] = Form.useForm();
  const invalidate = [keys.timeLimitPolicies];
  const add = useApiMutation(addPolicy, { success: t('tl.saved'), invalidate, onSuccess: () => form.resetFields() });
  const retire = useApiMutation(retirePolicy, { invalidate });
  const preset = useApiMutation(applyBanbuchengPreset, { success: t('tl.saved'), invalidate });
  const settings = useApiMutation(saveTimeLimitSettings, { success: t('tl.saved'), invalidate });
  const any = <span style={{ color: '#999' }}>{t('tl.any')}</span>;
  const columns = (withRetire: boolean) => [
    { title: t('tl.stage'), dataIndex: 'stage', render: (s: string) => tk(`stage.${s}`) },
    {
      title: t('tl.appealType'),
      key: 'type',
      render: (_: unknown, r: Rule) => {
        const type = r.appeal_type ?? r.appealType;
        return type ? appealType(type) : any;
      },
    },
    { title: t('tl.priority'), dataIndex: 'priority', render: (p: number | null) => p ?? any },
    {
      title: t('tl.category'),
      key: 'cat',
      render: (_: unknown, r: Rule) => {
        const c = r.category_id ?? r.categoryId;
        return c ? (catName.get(c) ?? c) : any;
      },
    },
    { title: t('tl.amount'), key: 'amount', render: (_: unknown, r: Rule) => limitInWords(r.amount, r.unit as LimitUnit, lang) },
    { title: t('tl.rule.note'), dataIndex: 'note' },
    ...(withRetire
      ? [
          {
            title: '',
            key: 'x',
            render: (_: unknown, r: Rule) => (
              <Button size="small" danger onClick={() => r.id && retire.mutate(r.id)}>
                {t('tl.retire')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Card title={t('tl.title')} data-testid="TimeLimitAdminPage">
      <Typography.Paragraph type="secondary">{t('tl.note')}</Typography.Paragraph>
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
            <Select allowClear style={{ width: 120 }} options={APPEAL_TYPES.map((v) => ({ value: v, label: appealType(v) }))} />
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
      <Typography.Title level={5}>{t('tl.rules')}</Typography.Title>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={view.data?.rules ?? []}
        columns={columns(true)}
        data-testid="policy-rules"
      />
      <Row gutter={12} style={{ marginTop: 12 }}>
        <Col span={12}>
          <Card size="small" title={t('tl.settings')}>
            {view.data && (
              <Form
                layout="vertical"
                initialValues={view.data.settings}
                onFinish={(v) => settings.mutate(v as EscalationSettings)}
              >
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
                <Button htmlType="submit" loading={settings.isPending}>
                  {t('cal.save')}
                </Button>
              </Form>
            )}
          </Card>
        </Col>
        <Col span={12}>
          <Card size="small" title={t('tl.preset')}>
            <Space>
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                style={{ width: 220 }}
                options={catOptions}
                value={presetCat}
                onChange={setPresetCat}
              />
              <Button disabled={!presetCat} onClick={() => presetCat && preset.mutate(presetCat)}>
                {t('tl.presetApply')}
              </Button>
            </Space>
          </Card>
          <LeaderSettingsCard />
        </Col>
      </Row>
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {t('tl.defaults')}
      </Typography.Title>
      <Table
        size="small"
        rowKey={(r) => `${r.stage}-${r.priority}-${r.appealType}`}
        pagination={false}
        dataSource={view.data?.defaults ?? []}
        columns={columns(false)}
      />
    </Card>
  );
}
