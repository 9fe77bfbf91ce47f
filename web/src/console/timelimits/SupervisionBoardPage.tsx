import { useState } from 'react';
import { Button, Card, Space, Table, Tabs, Tag } from 'antd';
import { useLang, useT } from '../../shared/i18n';
import { formatRemaining, formatTime, RehandleTag } from '../common/tags';
import { useUnits } from '../api/queries';
import { orderColumns as sharedColumns } from '../orders/order-columns';
import { orderMessages } from '../orders/orders.messages';
import { hasRole, useSession } from '../shell/session';
import { LEADER_FOLLOWUP_READERS } from '../../shared/contract';
import { timelimitMessages, type TimelimitMessageKey } from './timelimits.messages';
import { useLeaderFollowups, useSupervisions, useWarnedOrders, type BoardOrder } from './timelimits-api';
import { BoardTextDialog, type BoardDialog } from './BoardTextDialog';
import { LeaderFollowupsTable, SupervisionsTable } from './SupervisionTables';

const ACTIONS_WIDTH = 170;

/** Red and yellow orders, 催办 / 督办 by hand, open 督办单 and the 领导盯办 list. */
export function SupervisionBoardPage() {
  const t = useT(timelimitMessages);
  const { lang } = useLang();
  const red = useWarnedOrders('red');
  const yellow = useWarnedOrders('yellow');
  const sups = useSupervisions();
  const o = useT(orderMessages);
  const shared = sharedColumns(o);
  // Only the roles the server lets read 领导盯办 get its tab (and its request).
  const readsLeader = hasRole(useSession(), ...LEADER_FOLLOWUP_READERS);
  const leader = useLeaderFollowups(readsLeader);
  const units = useUnits();
  const unitNames = new Map((units.data?.items ?? []).map((u) => [u.id, u.name]));
  const [dialog, setDialog] = useState<BoardDialog | null>(null);
  const orderColumns = [
    shared.orderNo<BoardOrder>(),
    {
      title: t('sup.orderTitle'),
      dataIndex: 'title',
      ellipsis: true,
      render: (title: string, o: BoardOrder) => (
        <>
          <RehandleTag count={o.rehandleCount} /> {title}
        </>
      ),
    },
    shared.leadUnit(unitNames),
    {
      title: t('tl.stage'),
      key: 'stage',
      render: (_: unknown, o: BoardOrder) => (o.timeLimit.stage ? t(`stage.${o.timeLimit.stage}` as TimelimitMessageKey) : '—'),
    },
    { title: t('sup.due'), key: 'due', width: 140, render: (_: unknown, o: BoardOrder) => formatTime(o.timeLimit.dueAt) },
    {
      title: t('sup.remaining'),
      key: 'rem',
      render: (_: unknown, o: BoardOrder) => {
        const ms = o.timeLimit.remainingMs ?? 0;
        return (
          <Tag color={ms < 0 ? 'red' : 'gold'} data-testid="board-remaining">
            {formatRemaining(ms, lang)}
          </Tag>
        );
      },
    },
    {
      title: '',
      key: 'x',
      // Room for both buttons in either language (Remind + Supervise pushed the table 15 px past 1280×720).
      width: ACTIONS_WIDTH,
      render: (_: unknown, o: BoardOrder) => (
        <Space>
          <Button size="small" onClick={() => setDialog({ kind: 'urge', id: o.id })}>
            {t('sup.urge')}
          </Button>
          {o.leadUnitId && (
            <Button size="small" danger onClick={() => setDialog({ kind: 'supervise', id: o.id })}>
              {t('sup.supervise')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
  const tabs = [
    {
      key: 'red',
      label: `${t('sup.red')} (${red.data?.items.length ?? 0})`,
      children: (
        <Table size="small" rowKey="id" dataSource={red.data?.items ?? []} columns={orderColumns} data-testid="board-red" />
      ),
    },
    {
      key: 'yellow',
      label: `${t('sup.yellow')} (${yellow.data?.items.length ?? 0})`,
      children: <Table size="small" rowKey="id" dataSource={yellow.data?.items ?? []} columns={orderColumns} />,
    },
    {
      key: 'sup',
      label: t('sup.supervisions'),
      children: <SupervisionsTable items={sups.data?.items ?? []} onClose={(id) => setDialog({ kind: 'close', id })} />,
    },
    readsLeader && {
      key: 'leader',
      label: t('sup.leader'),
      children: <LeaderFollowupsTable items={leader.data?.items ?? []} />,
    },
  ].filter((tab) => tab !== false);
  return (
    <Card title={t('sup.title')} data-testid="SupervisionBoardPage">
      <Tabs items={tabs} />
      <BoardTextDialog dialog={dialog} onClose={() => setDialog(null)} />
    </Card>
  );
}
