import { useState } from 'react';
import { Button, Card, Drawer, Empty, InputNumber, Modal, Progress, Space, Table, Tabs, Tag } from 'antd';
import { MATTER_STATUS_LABELS, MATTER_WRITER_ROLES, type MatterStatus, type MatterSummary } from '../../shared/contract';
import { useLang, useT } from '../../shared/i18n';
import { hasRole, useSession } from '../shell/session';
import { MatterDetail } from './MatterDetail';
import { MatterForm } from './MatterForm';
import { RoundsPanel } from './RoundsPanel';
import { useMatters } from './matters-api';
import { matterMessages } from './matters.messages';

export const STATUS_COLOR: Record<MatterStatus, string> = {
  candidate: 'default',
  voting: 'purple',
  adopted: 'blue',
  in_progress: 'orange',
  done: 'green',
  rejected: 'red',
};

/**
 * /matters (issue 19, ADR 0206): 民生实事 — the year's list, a matter's schedule, progress and linked
 * appeals; supervisors, leaders and admins create, move and open or close 票决; analysts read.
 */
export function MattersPage() {
  const t = useT(matterMessages);
  const { lang } = useLang();
  const me = useSession();
  const writer = hasRole(me, ...MATTER_WRITER_ROLES);
  const [year, setYear] = useState(new Date().getFullYear());
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const list = useMatters(year);
  const matters = list.data?.matters ?? [];
  return (
    <Card
      title={t('title')}
      data-testid="matters-page"
      extra={
        <Space>
          <span>{t('year')}</span>
          <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} data-testid="matters-year" />
          {writer && (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="matter-create">
              {t('create')}
            </Button>
          )}
        </Space>
      }
    >
      <Tabs
        destroyOnHidden
        items={[
          {
            key: 'list',
            label: t('title'),
            children: (
              <Table<MatterSummary>
                rowKey="id"
                size="small"
                loading={list.isLoading}
                dataSource={matters}
                pagination={false}
                locale={{ emptyText: <Empty description={t('empty')} /> }}
                data-testid="matters-table"
                onRow={(m) => ({ onClick: () => setOpen(m.id), style: { cursor: 'pointer' } })}
                columns={[
                  { title: t('name'), dataIndex: 'title', render: (v: string) => <a>{v}</a> },
                  {
                    title: t('status'),
                    dataIndex: 'status',
                    render: (s: MatterStatus) => (
                      <Tag color={STATUS_COLOR[s]} data-testid={`matter-status-${s}`}>
                        {MATTER_STATUS_LABELS[s][lang]}
                      </Tag>
                    ),
                  },
                  { title: t('leader'), dataIndex: 'leaderName' },
                  { title: t('units'), dataIndex: 'unitNames', render: (u: string[]) => u.join('、') },
                  {
                    title: t('progress'),
                    key: 'progress',
                    render: (_, m) =>
                      m.milestonesTotal > 0 ? (
                        <Progress size="small" percent={Math.round((m.milestonesDone / m.milestonesTotal) * 100)} />
                      ) : (
                        '—'
                      ),
                  },
                  { title: t('votes'), dataIndex: 'votes', render: (v: number | null) => v ?? '—' },
                ]}
              />
            ),
          },
          {
            key: 'rounds',
            label: <span data-testid="matters-tab-rounds">{t('rounds')}</span>,
            children: <RoundsPanel year={year} matters={matters} writer={writer} />,
          },
        ]}
      />
      <Modal open={creating} title={t('create')} footer={null} destroyOnHidden width={720} onCancel={() => setCreating(false)}>
        <MatterForm year={year} onDone={() => setCreating(false)} />
      </Modal>
      <Drawer open={open !== null} width={720} title={t('detail')} destroyOnHidden onClose={() => setOpen(null)}>
        {open && <MatterDetail id={open} />}
      </Drawer>
    </Card>
  );
}
