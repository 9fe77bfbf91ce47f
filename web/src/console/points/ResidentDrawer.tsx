import { useState } from 'react';
import { Button, Descriptions, Drawer, Modal, Space, Statistic, Tabs, Typography } from 'antd';
import type { PointsEntryView } from '../../shared/contract';
import { useT } from '../../shared/i18n';
import { useSession } from '../shell/session';
import { AwardForm, CorrectForm, RedeemForm } from './LedgerForms';
import { EntriesTable } from './EntriesTable';
import { StatementPanel } from './StatementPanel';
import { useHousehold, useLedger } from './points-api';
import { pointsMessages } from './points.messages';
import { isPointsStaff } from './points-roles';

type Acting = 'award' | 'redeem' | { correct: PointsEntryView } | null;

/** One resident: balance, household stars, the ledger (newest first) and the month's statement; staff act here. */
export function ResidentDrawer({ residentId, onClose }: { residentId: string; onClose: () => void }) {
  const t = useT(pointsMessages);
  const me = useSession();
  const staff = isPointsStaff(me);
  const ledger = useLedger(residentId);
  const resident = ledger.data?.resident;
  const household = useHousehold(resident?.householdId ?? null);
  const [acting, setActing] = useState<Acting>(null);
  const done = () => setActing(null);
  const title =
    acting === 'award'
      ? t('award')
      : acting === 'redeem'
        ? t('redeem')
        : acting
          ? t('correctTitle', { seq: acting.correct.seq })
          : '';
  return (
    <Drawer
      open
      width="min(920px, 100vw)"
      title={t('ledger', { name: resident?.name ?? '' })}
      onClose={onClose}
      data-testid="resident-drawer"
    >
      {resident && (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Space wrap size={24} align="start" style={{ justifyContent: 'space-between', width: '100%' }}>
            <Statistic title={t('balance')} value={resident.balance} data-testid="resident-balance" />
            {staff && (
              <Space wrap>
                <Button type="primary" onClick={() => setActing('award')} data-testid="points-award">
                  {t('award')}
                </Button>
                <Button onClick={() => setActing('redeem')} data-testid="points-redeem">
                  {t('redeem')}
                </Button>
              </Space>
            )}
          </Space>
          <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
            <Descriptions.Item label={t('community')}>{resident.unitName}</Descriptions.Item>
            <Descriptions.Item label={t('phoneCol')}>{resident.phone ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('household')} span={2}>
              <Typography.Text data-testid="resident-household-stars">
                {resident.householdName
                  ? `${resident.householdName} · ${household.data ? t('stars', { stars: '★'.repeat(household.data.stars) || '0', points: household.data.points }) : ''}`
                  : t('starsNone')}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          <Tabs
            destroyOnHidden
            items={[
              {
                key: 'ledger',
                label: t('ledgerTab'),
                children: (
                  <EntriesTable
                    entries={ledger.data?.entries ?? []}
                    onCorrect={staff ? (entry) => setActing({ correct: entry }) : undefined}
                    testId="ledger-entries"
                  />
                ),
              },
              {
                key: 'statement',
                label: <span data-testid="points-statement-tab">{t('statement')}</span>,
                children: <StatementPanel residentId={residentId} />,
              },
            ]}
          />
        </Space>
      )}
      <Modal open={acting !== null} title={title} footer={null} destroyOnHidden onCancel={done}>
        {acting === 'award' && <AwardForm residentId={residentId} onDone={done} />}
        {acting === 'redeem' && <RedeemForm residentId={residentId} balance={resident?.balance ?? 0} onDone={done} />}
        {acting !== null && typeof acting === 'object' && (
          <CorrectForm residentId={residentId} entry={acting.correct} onDone={done} />
        )}
      </Modal>
    </Drawer>
  );
}
