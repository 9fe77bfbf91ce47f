import { Badge, Space, Typography } from 'antd';
import { useT } from '../../shared/i18n';
import { ConsultationList } from './ConsultationList';
import { InstructionList } from './InstructionList';
import { useConsultations, useInstructions } from './leader-api';
import { leaderMessages } from './leader.messages';

/** What the unit still owes its leaders: 批示 to sign for or answer, and 会商 waiting for its opinion. */
function useUnitPending() {
  // Asked by status on the server: the newest 200 of all would hide an old one still owed.
  const instructions = useInstructions({ status: 'open,acknowledged' }).data?.items ?? [];
  const consultations = useConsultations({ pending: true }).data?.items ?? [];
  return { instructions, consultations };
}

/** The 待办批示 tab's label with its count. */
export function UnitInstructionsLabel() {
  const t = useT(leaderMessages);
  const { instructions, consultations } = useUnitPending();
  return (
    <span data-testid="unit-tab-instructions">
      {t('inbox.instructions')} <Badge count={instructions.length + consultations.length} size="small" />
    </span>
  );
}

/** The unit inbox's 待办批示 tab: 签收 and 答复 here, or 提交意见 on a 会商. */
export function UnitInstructions() {
  const t = useT(leaderMessages);
  const { instructions, consultations } = useUnitPending();
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="unit-instructions">
      <InstructionList items={instructions} showOrder />
      {consultations.length > 0 && (
        <>
          <Typography.Title level={5}>{t('inbox.consultations')}</Typography.Title>
          <ConsultationList items={consultations} showOrder />
        </>
      )}
    </Space>
  );
}
