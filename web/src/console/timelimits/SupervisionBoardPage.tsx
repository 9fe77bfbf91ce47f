import { useState } from 'react';
import { Button, Card, Input, Modal, Space, Table, Tabs, Tag } from 'antd';
import { keys } from '../api/keys';
import { useApiMutation } from '../api/mutation';
import { useLang, useT } from '../../shared/i18n';
import { formatRemaining, formatTime, RehandleTag } from '../common/tags';
import { useUnits } from '../api/queries';
import { orderColumns as sharedColumns } from '../orders/order-columns';
import { orderMessages } from '../orders/orders.messages';
import { hasRole, useSession } from '../shell/session';
import { LEADER_FOLLOWUP_READERS, type LeaderFollowupView, type SupervisionView } from '../../shared/contract';
import { Link } from 'react-router-dom';
import { timelimitMessages, type TimelimitMessageKey } from './timelimits.messages';
import {
  closeSupervision,
  superviseOrder,
  urgeOrder,
  useLeaderFollowups,
  useSupervisions,
  useWarnedOrders,
  type BoardOrder,
} from './timelimits-api';

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
  const [dialog, setDialog] = useState<{ kind: 'urge' | 'supervise' | 'close'; id: string } | null>(null);
  const [text, setText] = useState('');
  const send = useApiMutation(
    () => {
      if (!dialog) throw new Error('no dialog');
      if (dialog.kind === 'urge') return urgeOrder(dialog.id, text);
      if (dialog.kind === 'supervise') return superviseOrder(dialog.id, { reason: text });
      return closeSupervision(dialog.id, text);
    },
    {
      success: t('sup.done'),
      invalidate: [keys.supervisions],
      onSuccess: () => {
        setDialog(null);
        setText('');
      },
    },
  );
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
    { title: t('sup.due'), key: 'due', render: (_: unknown, o: BoardOrder) => formatTime(o.timeLimit.dueAt) },
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
      children: (
        <Table
          size="small"
          rowKey="id"
          dataSource={sups.data?.items ?? []}
          columns={[
            {
              title: t('sup.orderNo'),
              dataIndex: 'order_no',
              render: (no: string, s: SupervisionView) => <Link to={`/orders/${s.order_id}`}>{no}</Link>,
            },
            { title: t('sup.unit'), dataIndex: 'unit_name', render: (n: string | null) => n ?? t('sup.noUnit') },
            {
              title: t('sup.reason'),
              dataIndex: 'reason',
              render: (r: string, s: SupervisionView) => (
                <>
                  {r} <Tag>{t(`sup.origin.${s.origin}` as TimelimitMessageKey)}</Tag>
                </>
              ),
            },
            { title: t('sup.due'), dataIndex: 'due_at', render: formatTime },
            {
              title: t('sup.status'),
              dataIndex: 'status',
              render: (s: string) => (
                <Tag color={s === 'open' ? 'red' : s === 'responded' ? 'blue' : 'green'}>
                  {t(`sup.status.${s}` as TimelimitMessageKey)}
                </Tag>
              ),
            },
            { title: t('sup.response'), dataIndex: 'response' },
            {
              title: '',
              key: 'x',
              render: (_: unknown, s: SupervisionView) =>
                s.status !== 'closed' && (
                  <Button size="small" onClick={() => setDialog({ kind: 'close', id: s.id })}>
                    {t('sup.close')}
                  </Button>
                ),
            },
          ]}
        />
      ),
    },
    readsLeader && {
      key: 'leader',
      label: t('sup.leader'),
      children: (
        <Table
          data-testid="board-leader"
          size="small"
          rowKey="id"
          dataSource={leader.data?.items ?? []}
          columns={[
            {
              title: t('sup.orderNo'),
              dataIndex: 'order_no',
              render: (no: string, f: LeaderFollowupView) => <Link to={`/orders/${f.order_id}`}>{no}</Link>,
            },
            { title: t('sup.orderTitle'), dataIndex: 'title' },
            { title: t('sup.unit'), dataIndex: 'lead_unit_name' },
            { title: t('sup.reason'), dataIndex: 'reason' },
            { title: t('sup.added'), dataIndex: 'added_at', render: formatTime },
          ]}
        />
      ),
    },
  ].filter((tab) => tab !== false);
  return (
    <Card title={t('sup.title')} data-testid="SupervisionBoardPage">
      <Tabs items={tabs} />
      <Modal
        open={dialog !== null}
        title={dialog ? t(dialog.kind === 'urge' ? 'sup.urge' : dialog.kind === 'supervise' ? 'sup.supervise' : 'sup.close') : ''}
        onCancel={() => setDialog(null)}
        onOk={() => send.mutate()}
        okButtonProps={{ disabled: !text.trim(), loading: send.isPending }}
      >
        <Input.TextArea
          rows={3}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t(dialog?.kind === 'supervise' ? 'sup.reason' : dialog?.kind === 'close' ? 'sup.closeNote' : 'sup.note')}
        />
      </Modal>
    </Card>
  );
}
