import { Button, Card, Divider, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../shared/i18n';
import { CASE_OWNER_ROLES, CONSULT_OPENER_ROLES, DIFFICULT_MARKER_ROLES, OPEN_STATES } from '../../shared/contract';
import type { Order } from '../api/types';
import { useWrite } from '../api/mutation';
import { hasRole, useSession } from '../shell/session';
import { ConsultationList } from './ConsultationList';
import { InstructionList } from './InstructionList';
import { endCase, useConsultations, useInstructions, useOrderCase } from './leader-api';
import { leaderMessages } from './leader.messages';
import { LeaderDialogs, type LeaderDialog } from './LeaderDialogs';

const INVALIDATE = [['orders'], ['order'], ['timeline']];

/** The order page's 领导督办 card: 包案, 批示 (with the unit's 签收 / 答复), 疑难件 and 会商. */
export function LeaderOrderPanel({ order }: { order: Order }) {
  const t = useT(leaderMessages);
  const me = useSession();
  const write = useWrite();
  const [dialog, setDialog] = useState<LeaderDialog | null>(null);
  const owner = useOrderCase(order.id).data?.case ?? null;
  const instructions = useInstructions({ orderId: order.id }).data?.items ?? [];
  const consultations = useConsultations({ orderId: order.id }).data?.items ?? [];
  const open = OPEN_STATES.includes(order.state);
  const leader = hasRole(me, ...CASE_OWNER_ROLES);
  const marker = hasRole(me, ...DIFFICULT_MARKER_ROLES);
  const opener = hasRole(me, ...CONSULT_OPENER_ROLES);
  if (!leader && !marker && !owner && instructions.length === 0 && consultations.length === 0) return null;

  const run = async (call: () => Promise<unknown>, success: string) =>
    (await write(call, { success, invalidate: INVALIDATE })).ok;
  const buttons = open && (
    <Space wrap>
      {leader && !owner && (
        <Button data-testid="leader-take-case" onClick={() => setDialog('case')}>
          {t('case.take')}
        </Button>
      )}
      {leader && owner?.leaderId === me.id && (
        <Button data-testid="leader-end-case" onClick={() => void run(() => endCase(order.id), t('case.end'))}>
          {t('case.end')}
        </Button>
      )}
      {leader && order.leadUnitId && (
        <Button type="primary" data-testid="leader-instruct" onClick={() => setDialog('instruction')}>
          {t('instruction.write')}
        </Button>
      )}
      {marker && !order.escalated && (
        <Button danger data-testid="leader-difficult" onClick={() => setDialog('difficult')}>
          {t('difficult.mark')}
        </Button>
      )}
      {marker && order.escalated && (
        <Button data-testid="leader-undifficult" onClick={() => setDialog('undifficult')}>
          {t('difficult.unmark')}
        </Button>
      )}
      {opener && (
        <Button data-testid="leader-consult" onClick={() => setDialog('consult')}>
          {t('consult.open')}
        </Button>
      )}
    </Space>
  );

  return (
    <Card title={t('panel.title')} size="small" style={{ marginTop: 16 }} data-testid="leader-panel">
      {owner && (
        <Tag color="purple" data-testid="leader-case-owner" style={{ marginBottom: 8 }}>
          {t('case.owner', { name: owner.leaderName })}
        </Tag>
      )}
      {buttons}
      {instructions.length > 0 && (
        <>
          <Divider titlePlacement="start" plain>
            {t('instruction.list')}
          </Divider>
          <InstructionList items={instructions} />
        </>
      )}
      {consultations.length > 0 && (
        <>
          <Divider titlePlacement="start" plain>
            {t('consult.title')}
          </Divider>
          <ConsultationList items={consultations} />
        </>
      )}
      {!open && instructions.length === 0 && consultations.length === 0 && (
        <Typography.Text type="secondary">{t('instruction.none')}</Typography.Text>
      )}
      <LeaderDialogs order={order} dialog={dialog} onClose={() => setDialog(null)} run={run} />
    </Card>
  );
}
