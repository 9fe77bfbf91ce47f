import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input, InputNumber, Select, Space, Switch, Table, Typography } from 'antd';
import { ACTIVITY_KIND_LABELS, ACTIVITY_KINDS, type PointsRuleView } from '../../shared/contract';
import { useLang, useT } from '../../shared/i18n';
import { useApiMutation, useWrite } from '../api/mutation';
import { hasRole, useSession } from '../shell/session';
import { addRule, pointsKeys, savePointsSettings, switchRule, usePointsRules, usePointsSettings } from './points-api';
import { pointsMessages } from './points.messages';

/** 积分规则 per activity kind and the 有效反映 points: the system administrator sets them, staff read them. */
export function RulesTab() {
  const t = useT(pointsMessages);
  const { lang } = useLang();
  const admin = hasRole(useSession(), 'admin');
  const rules = usePointsRules();
  const write = useWrite();
  const toggle = (r: PointsRuleView, active: boolean) =>
    write(() => switchRule(r.id, active), { success: t('saved'), invalidate: [pointsKeys.rules] });
  const add = useApiMutation(addRule, { success: t('saved'), invalidate: [pointsKeys.rules] });
  const [form] = Form.useForm();
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <UsefulReportSetting admin={admin} />
      {!admin && <Alert type="info" title={t('rulesReadOnly')} />}
      <Table<PointsRuleView>
        rowKey="id"
        size="small"
        pagination={false}
        loading={rules.isLoading}
        dataSource={rules.data?.rules}
        data-testid="points-rules"
        columns={[
          { title: t('activity'), width: 140, render: (_, r) => ACTIVITY_KIND_LABELS[r.activityKind][lang] },
          { title: t('ruleName'), dataIndex: 'name', ellipsis: true },
          { title: t('points'), dataIndex: 'points', width: 80, align: 'right' },
          {
            title: t('ruleActive'),
            width: 80,
            render: (_, r) => <Switch size="small" checked={r.active} disabled={!admin} onChange={(v) => void toggle(r, v)} />,
          },
        ]}
      />
      {admin && (
        <Form
          form={form}
          layout="inline"
          onFinish={(v: { activityKind: string; name: string; points: number }) =>
            add.mutate({ ...v, name: v.name.trim() }, { onSuccess: () => form.resetFields() })
          }
          style={{ rowGap: 8 }}
        >
          <Form.Item name="activityKind" rules={[{ required: true }]}>
            <Select
              placeholder={t('activity')}
              style={{ width: 160 }}
              options={ACTIVITY_KINDS.map((k) => ({ value: k, label: ACTIVITY_KIND_LABELS[k][lang] }))}
            />
          </Form.Item>
          <Form.Item name="name" rules={[{ required: true, whitespace: true, max: 60 }]}>
            <Input placeholder={t('ruleName')} style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="points" rules={[{ required: true }]}>
            <InputNumber placeholder={t('points')} min={1} max={1000} precision={0} />
          </Form.Item>
          <Button htmlType="submit" loading={add.isPending}>
            {t('addRule')}
          </Button>
        </Form>
      )}
    </Space>
  );
}

/** GET/PUT /api/points/settings: the points a verified resident's handled and closed appeal earns. */
function UsefulReportSetting({ admin }: { admin: boolean }) {
  const t = useT(pointsMessages);
  const settings = usePointsSettings();
  const [value, setValue] = useState<number | null>(null);
  useEffect(() => setValue(settings.data?.usefulReportPoints ?? null), [settings.data]);
  const save = useApiMutation(savePointsSettings, { success: t('saved'), invalidate: [pointsKeys.settings] });
  const current = settings.data?.usefulReportPoints;
  return (
    <Card size="small" title={t('usefulReport')} data-testid="useful-report-setting">
      <Typography.Paragraph type="secondary">{t('usefulReportHint')}</Typography.Paragraph>
      {admin ? (
        <Space>
          <InputNumber min={0} max={1000} precision={0} value={value} onChange={setValue} data-testid="useful-report-points" />
          <Button
            type="primary"
            disabled={value === null}
            loading={save.isPending}
            onClick={() => value !== null && save.mutate({ usefulReportPoints: value })}
            data-testid="useful-report-save"
          >
            {t('save')}
          </Button>
        </Space>
      ) : (
        <strong>{current === undefined ? '—' : current === 0 ? t('off') : t('usefulReportValue', { n: current })}</strong>
      )}
    </Card>
  );
}
