import { useWrite } from '../api/mutation';
import { addLeaderFollowup, superviseOrder, urgeOrder } from '../timelimits/timelimits-api';
import { useState } from 'react';
import { Button, Form, Input, InputNumber, Modal, Space } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useT } from '../../shared/i18n';
import { invalidateOrder } from '../api/queries';
import { OPEN_STATES, type Me, type Order } from '../api/types';
import { labels } from '../common/labels.messages';
import { orderMessages } from './orders.messages';
import { shellMessages } from '../shell/shell.messages';
import { hasRole, useSession } from '../shell/session';
import { useLeaderSettings } from '../leader/leader-api';

type Kind = 'urge' | 'supervise' | 'followup';

/** Whether SupervisionActions offers anything here: an open order, to a supervisor or a leader (列入领导盯办 at least). */
export const offersSupervision = (me: Me, order: Order) =>
  OPEN_STATES.includes(order.state) && hasRole(me, 'leader', 'supervisor');

/** 催办 / 督办单 / 领导盯办 on an open order (src/supervision); not lifecycle moves, so not in availableActions. */
export function SupervisionActions({ order }: { order: Order }) {
  const me = useSession();
  const l = useT(labels);
  const t = useT(orderMessages);
  const s = useT(shellMessages);
  const write = useWrite();
  const client = useQueryClient();
  const [kind, setKind] = useState<Kind | null>(null);
  const supervisor = hasRole(me, 'supervisor');
  const leader = hasRole(me, 'leader', 'supervisor');
  // A leader may 催办 / issue a 督办单 where the centre allows it (GET /api/leader-settings, issue 14).
  const onlyLeader = hasRole(me, 'leader') && !supervisor;
  const settings = useLeaderSettings(onlyLeader).data;
  const mayUrge = supervisor || (onlyLeader && settings?.leadersMayUrge === true);
  const maySupervise = supervisor || (onlyLeader && settings?.leadersMaySupervise === true);
  if (!offersSupervision(me, order)) return null;
  const title: Record<Kind, string> = {
    urge: l('action.urge'),
    supervise: l('action.supervise'),
    followup: l('action.leader_followup'),
  };

  async function submit(values: { note?: string; reason?: string; dueWorkingDays?: number }) {
    const request = () =>
      kind === 'urge'
        ? urgeOrder(order.id, values.note ?? '')
        : kind === 'supervise'
          ? superviseOrder(order.id, { reason: values.reason, dueWorkingDays: values.dueWorkingDays })
          : addLeaderFollowup(order.id, values.reason ?? '');
    const done = await write(request, { success: `${kind ? title[kind] : ''} · ${s('common.done')}` });
    if (!done.ok) return;
    invalidateOrder(client, order.id);
    setKind(null);
  }

  return (
    <>
      <Space wrap>
        {mayUrge && (
          <Button data-testid="supervise-urge" onClick={() => setKind('urge')}>
            {title.urge}
          </Button>
        )}
        {/* A 督办单 is answered by the handling unit: none before dispatch (the server says 409). */}
        {maySupervise && order.leadUnitId && (
          <Button data-testid="supervise-issue" onClick={() => setKind('supervise')}>
            {title.supervise}
          </Button>
        )}
        {leader && (
          <Button data-testid="supervise-followup" onClick={() => setKind('followup')}>
            {title.followup}
          </Button>
        )}
      </Space>
      <Modal
        open={kind !== null}
        title={kind ? `${title[kind]} · ${order.orderNo}` : ''}
        onCancel={() => setKind(null)}
        footer={null}
        destroyOnHidden
      >
        <Form layout="vertical" onFinish={submit}>
          {kind === 'urge' ? (
            <Form.Item name="note" label={t('form.note')} rules={[{ required: true }]}>
              <Input.TextArea rows={3} data-testid="supervise-note" autoFocus />
            </Form.Item>
          ) : (
            <Form.Item name="reason" label={t('form.reason')} rules={[{ required: true }]}>
              <Input.TextArea rows={3} data-testid="supervise-reason" autoFocus />
            </Form.Item>
          )}
          {kind === 'supervise' && (
            <Form.Item name="dueWorkingDays" label={t('form.dueWorkingDays')}>
              <InputNumber min={0} max={30} />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" data-testid="supervise-submit">
            {s('common.submit')}
          </Button>
        </Form>
      </Modal>
    </>
  );
}
