import { Card } from 'antd';
import { useT } from '../../shared/i18n';
import { useConsultations, useInstructions } from './leader-api';
import { InstructionList } from './InstructionList';
import { ConsultationList } from './ConsultationList';
import { leaderMessages } from './leader.messages';

/** The leader's own 批示 (where each stands), on the leader's desk. */
export function MyInstructions() {
  const t = useT(leaderMessages);
  const instructions = useInstructions({}).data?.items ?? [];
  return (
    <Card title={t('instruction.mine')} data-testid="leader-instructions">
      <InstructionList items={instructions.slice(0, 20)} showOrder />
    </Card>
  );
}

/** The centre's 会商 with their opinions and conclusions, on the leader's desk. */
export function CentreConsultations() {
  const t = useT(leaderMessages);
  const consultations = useConsultations({}).data?.items ?? [];
  return (
    <Card title={t('consult.title')} data-testid="leader-consultations">
      <ConsultationList items={consultations.slice(0, 10)} showOrder />
    </Card>
  );
}
