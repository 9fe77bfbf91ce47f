import { useMemo, useState } from 'react';
import { Button, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import type { ResidentView } from '../../shared/contract';
import { useT } from '../../shared/i18n';
import { useSession } from '../shell/session';
import { useResidents } from './points-api';
import { pointsMessages } from './points.messages';
import { isPointsStaff } from './points-roles';
import { RegisterResidentForm } from './RegisterResidentForm';
import { ResidentDrawer } from './ResidentDrawer';

/** The residents of the user's communities (centre readers: all), searchable, each opening their ledger. */
export function ResidentsTab() {
  const t = useT(pointsMessages);
  const me = useSession();
  const residents = useResidents();
  const [q, setQ] = useState('');
  const [registering, setRegistering] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const rows = useMemo(() => {
    const all = residents.data?.residents ?? [];
    const needle = q.trim();
    if (!needle) return all;
    return all.filter((r) => [r.name, r.unitName, r.householdName ?? ''].some((s) => s.includes(needle)));
  }, [residents.data, q]);
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t('search')}
            style={{ width: 280 }}
            onChange={(e) => setQ(e.target.value)}
            data-testid="residents-search"
          />
          <Typography.Text type="secondary">{t('count', { n: rows.length })}</Typography.Text>
        </Space>
        {isPointsStaff(me) && (
          <Button type="primary" onClick={() => setRegistering(true)} data-testid="resident-register">
            {t('register')}
          </Button>
        )}
      </Space>
      <Table<ResidentView>
        rowKey="id"
        size="small"
        loading={residents.isLoading}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('empty') }}
        scroll={{ x: 760 }}
        data-testid="residents-table"
        columns={[
          { title: t('name'), dataIndex: 'name', width: 120 },
          { title: t('community'), dataIndex: 'unitName', ellipsis: true },
          { title: t('household'), width: 200, ellipsis: true, render: (_, r) => r.householdName ?? '—' },
          {
            title: t('phoneCol'),
            width: 180,
            render: (_, r) =>
              r.phone ? (
                <Space size={4}>
                  <span>{r.phone}</span>
                  <Tag color={r.phoneVerified ? 'green' : 'default'}>{r.phoneVerified ? t('verified') : t('unverified')}</Tag>
                </Space>
              ) : (
                '—'
              ),
          },
          { title: t('balance'), dataIndex: 'balance', width: 90, align: 'right' },
          {
            title: '',
            width: 80,
            render: (_, r) => (
              <Button size="small" onClick={() => setOpenId(r.id)} data-testid={`resident-open-${r.name}`}>
                {t('open')}
              </Button>
            ),
          },
        ]}
      />
      <Modal open={registering} title={t('register')} footer={null} destroyOnHidden onCancel={() => setRegistering(false)}>
        <RegisterResidentForm onDone={() => setRegistering(false)} />
      </Modal>
      {openId && <ResidentDrawer residentId={openId} onClose={() => setOpenId(null)} />}
    </Space>
  );
}
