import { useState } from 'react';
import { Button, Card, Empty, Form, Input, InputNumber, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { MATTER_STATUS_LABELS, type MatterStatus, type MatterSummary, type RoundView } from '../../shared/contract';
import { useLang, useT } from '../../shared/i18n';
import { useApiMutation } from '../api/mutation';
import { closeRound, matterKeys, openRound, useRounds } from './matters-api';
import { matterMessages } from './matters.messages';

interface RoundValues {
  title: string;
  opensAt: string;
  closesAt: string;
  maxPicks: number;
  adoptCount: number;
  matterIds: string[];
}

const iso = (local: string) => new Date(local).toISOString();

/** 票决: the year's rounds with their live tally and recount check; writers open a round on candidates and close it. */
export function RoundsPanel({ year, matters, writer }: { year: number; matters: MatterSummary[]; writer: boolean }) {
  const t = useT(matterMessages);
  const { lang } = useLang();
  const rounds = useRounds(year).data?.rounds ?? [];
  const [opening, setOpening] = useState(false);
  const open = useApiMutation(openRound, {
    success: t('roundOpened'),
    invalidate: [matterKeys.all],
    onSuccess: () => setOpening(false),
  });
  const close = useApiMutation(closeRound, { success: t('roundClosed'), invalidate: [matterKeys.all] });
  const candidates = matters.filter((m) => m.status === 'candidate');
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="matter-rounds">
      {writer && !opening && (
        <Button onClick={() => setOpening(true)} disabled={candidates.length < 2} data-testid="round-open">
          {t('openRound')}
        </Button>
      )}
      {opening && (
        <Card size="small" title={t('openRound')}>
          <Form<RoundValues>
            layout="vertical"
            initialValues={{
              maxPicks: 3,
              adoptCount: Math.max(1, Math.floor(candidates.length / 2)),
              title: `${year} 年民生实事票决`,
            }}
            onFinish={(v) =>
              open.mutate({ ...v, year, title: v.title.trim(), opensAt: iso(v.opensAt), closesAt: iso(v.closesAt) })
            }
          >
            <Form.Item name="title" label={t('roundTitle')} rules={[{ required: true, whitespace: true, max: 60 }]}>
              <Input />
            </Form.Item>
            <Space wrap>
              <Form.Item name="opensAt" label={t('opensAt')} rules={[{ required: true }]}>
                <Input type="datetime-local" />
              </Form.Item>
              <Form.Item name="closesAt" label={t('closesAt')} rules={[{ required: true }]}>
                <Input type="datetime-local" />
              </Form.Item>
              <Form.Item name="maxPicks" label={t('maxPicks')} rules={[{ required: true }]}>
                <InputNumber min={1} max={50} />
              </Form.Item>
              <Form.Item name="adoptCount" label={t('adoptCount')} rules={[{ required: true }]}>
                <InputNumber min={1} max={100} />
              </Form.Item>
            </Space>
            <Form.Item name="matterIds" label={t('candidates')} rules={[{ required: true, type: 'array', min: 2 }]}>
              <Select mode="multiple" options={candidates.map((m) => ({ value: m.id, label: m.title }))} />
            </Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" loading={open.isPending}>
                {t('save')}
              </Button>
              <Button onClick={() => setOpening(false)}>{t('cancel')}</Button>
            </Space>
          </Form>
        </Card>
      )}
      {rounds.length === 0 && <Empty description={t('none')} />}
      {rounds.map((r: RoundView) => (
        <Card
          key={r.id}
          size="small"
          data-testid={`round-${r.id}`}
          title={
            <Space>
              {r.title}
              <Tag color={r.state === 'open' ? 'purple' : 'default'}>{r.state === 'open' ? t('roundOpen') : t('roundDone')}</Tag>
              {r.auditOk !== null && <Tag color={r.auditOk ? 'green' : 'red'}>{r.auditOk ? t('auditOk') : t('auditBad')}</Tag>}
            </Space>
          }
          extra={
            writer &&
            r.state === 'open' && (
              <Popconfirm title={t('closeRound')} onConfirm={() => close.mutate(r.id)}>
                <Button danger size="small" data-testid="round-close">
                  {t('closeRound')}
                </Button>
              </Popconfirm>
            )
          }
        >
          <div style={{ marginBottom: 8 }}>
            {new Date(r.opensAt).toLocaleString()} – {new Date(r.closesAt).toLocaleString()} · {t('maxPicks')} {r.maxPicks} ·{' '}
            {t('adoptCount')} {r.adoptCount} · {t('voters')} {r.voters}
          </div>
          <Table
            rowKey="matterId"
            size="small"
            pagination={false}
            dataSource={r.tally}
            columns={[
              { title: t('name'), dataIndex: 'title' },
              { title: t('votes'), dataIndex: 'votes' },
              { title: t('status'), dataIndex: 'status', render: (s: MatterStatus) => MATTER_STATUS_LABELS[s][lang] },
            ]}
          />
        </Card>
      ))}
    </Space>
  );
}
