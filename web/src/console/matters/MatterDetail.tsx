import { Button, Descriptions, Form, Input, List, Select, Space, Table, Tag, Typography } from 'antd';
import { MATTER_MOVES, MATTER_STATUS_LABELS, type MatterLinkKind, type MatterView } from '../../shared/contract';
import { useLang, useT } from '../../shared/i18n';
import { useApiMutation } from '../api/mutation';
import { addMilestone, linkAppeal, matterKeys, moveMatter, reportProgress, tickMilestone, useMatter } from './matters-api';
import { matterMessages } from './matters.messages';
import { STATUS_COLOR } from './MattersPage';

/** One matter: status moves, the schedule (tick a milestone), progress reports, linked appeals, the effect. */
export function MatterDetail({ id }: { id: string }) {
  const t = useT(matterMessages);
  const { lang } = useLang();
  const m = useMatter(id).data;
  const done = { invalidate: [matterKeys.all] };
  const move = useApiMutation((to: MatterView['status']) => moveMatter(id, to), { ...done, success: t('moved') });
  const tick = useApiMutation((mid: string) => tickMilestone(id, mid), done);
  const report = useApiMutation((body: string) => reportProgress(id, { body }), { ...done, success: t('reported') });
  const link = useApiMutation((v: { order: string; kind: MatterLinkKind }) => linkAppeal(id, v), done);
  const addStep = useApiMutation((v: { name: string; dueOn: string }) => addMilestone(id, v), done);
  const [progressForm] = Form.useForm<{ body: string }>();
  if (!m) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="matter-detail">
      <Typography.Title level={4}>{m.title}</Typography.Title>
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('status')}>
          <Tag color={STATUS_COLOR[m.status]} data-testid="matter-detail-status">
            {MATTER_STATUS_LABELS[m.status][lang]}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('year')}>{m.year}</Descriptions.Item>
        <Descriptions.Item label={t('leader')}>{m.leaderName}</Descriptions.Item>
        <Descriptions.Item label={t('region')}>{m.regionName ?? t('wholeCentre')}</Descriptions.Item>
        <Descriptions.Item label={t('units')}>{m.unitNames.join('、') || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('budget')}>{m.budgetYuan?.toLocaleString() ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('votes')}>{m.votes ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('source')}>{m.clusterLabel ?? m.source}</Descriptions.Item>
        <Descriptions.Item label={t('description')} span={2}>
          {m.description}
        </Descriptions.Item>
      </Descriptions>
      {m.canEdit && (
        <Space>
          {(MATTER_MOVES[m.status] ?? []).map((to) => (
            <Button key={to} onClick={() => move.mutate(to)} loading={move.isPending} data-testid={`matter-move-${to}`}>
              {t(`move.${to as 'adopted' | 'rejected' | 'in_progress' | 'done'}`)}
            </Button>
          ))}
        </Space>
      )}

      <Typography.Title level={5}>{t('milestones')}</Typography.Title>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={m.milestones}
        data-testid="matter-milestones"
        columns={[
          { title: t('milestone'), dataIndex: 'name' },
          { title: t('dueOn'), dataIndex: 'dueOn' },
          {
            title: t('doneOn'),
            dataIndex: 'doneOn',
            render: (v: string | null, r) =>
              v ??
              (m.canReport ? (
                <Button size="small" onClick={() => tick.mutate(r.id)} data-testid={`matter-tick-${r.name}`}>
                  {t('tick')}
                </Button>
              ) : (
                '—'
              )),
          },
        ]}
      />
      {m.canEdit && (
        <Form
          layout="inline"
          onFinish={(v: { name: string; dueOn: string }) => addStep.mutate({ name: v.name.trim(), dueOn: v.dueOn })}
        >
          <Form.Item name="name" rules={[{ required: true, whitespace: true }]}>
            <Input placeholder={t('milestone')} />
          </Form.Item>
          <Form.Item name="dueOn" rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
          <Button htmlType="submit">{t('addMilestone')}</Button>
        </Form>
      )}

      <Typography.Title level={5}>{t('reports')}</Typography.Title>
      <List
        size="small"
        dataSource={m.progress}
        locale={{ emptyText: t('none') }}
        data-testid="matter-progress"
        renderItem={(p) => (
          <List.Item>
            <span>
              {p.reportedOn} · {p.body}
            </span>
            <Typography.Text type="secondary">{p.byName}</Typography.Text>
          </List.Item>
        )}
      />
      {m.canReport && (
        <Form
          form={progressForm}
          layout="inline"
          onFinish={(v) => report.mutate(v.body.trim(), { onSuccess: () => progressForm.resetFields() })}
        >
          <Form.Item name="body" rules={[{ required: true, whitespace: true, max: 1000 }]} style={{ flex: 1 }}>
            <Input placeholder={t('reportText')} data-testid="matter-progress-text" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={report.isPending} data-testid="matter-progress-save">
            {t('report')}
          </Button>
        </Form>
      )}

      <Typography.Title level={5}>{t('links')}</Typography.Title>
      <Table
        rowKey="orderId"
        size="small"
        pagination={false}
        dataSource={m.links}
        columns={[
          { title: t('linkOrder'), dataIndex: 'orderNo' },
          { title: t('name'), dataIndex: 'title' },
          { title: '', dataIndex: 'kind', render: (k: MatterLinkKind) => t(`kind.${k}`) },
        ]}
      />
      {m.canReport && (
        <Form
          layout="inline"
          initialValues={{ kind: 'related' }}
          onFinish={(v: { order: string; kind: MatterLinkKind }) => link.mutate(v)}
        >
          <Form.Item name="order" rules={[{ required: true, whitespace: true }]}>
            <Input placeholder={t('linkOrder')} />
          </Form.Item>
          <Form.Item name="kind">
            <Select
              style={{ width: 120 }}
              options={(['origin', 'related'] as const).map((k) => ({ value: k, label: t(`kind.${k}`) }))}
            />
          </Form.Item>
          <Button htmlType="submit">{t('link')}</Button>
        </Form>
      )}

      {m.effect && (
        <>
          <Typography.Title level={5}>{t('effect')}</Typography.Title>
          <Typography.Text data-testid="matter-effect">
            {m.effect.categoryNames.join('、')}：{t('before')} {m.effect.beforeTotal} → {t('after')} {m.effect.afterTotal}
          </Typography.Text>
          <Table
            rowKey="month"
            size="small"
            pagination={false}
            dataSource={m.effect.months}
            columns={[
              { title: '', dataIndex: 'phase', render: (p: 'before' | 'after') => t(p) },
              { title: 'YYYY-MM', dataIndex: 'month' },
              { title: '#', dataIndex: 'count' },
            ]}
          />
        </>
      )}
    </Space>
  );
}
