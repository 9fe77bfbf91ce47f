import { Form } from 'antd';
import { useT } from '../../shared/i18n';
import type { Order } from '../api/types';
import { UnitMultiPicker } from '../common/pickers';
import { markDifficult, openConsultation, takeCase, unmarkDifficult, writeInstruction } from './leader-api';
import { leaderMessages } from './leader.messages';
import { TextDialog } from './TextDialog';

export type LeaderDialog = 'case' | 'instruction' | 'difficult' | 'undifficult' | 'consult';

/** The 领导督办 card's dialogs: 包案, 批示, 疑难件 (mark and unmark) and 会商; `run` writes and says it was done. */
export function LeaderDialogs({
  order,
  dialog,
  onClose,
  run,
}: {
  order: Order;
  dialog: LeaderDialog | null;
  onClose: () => void;
  run: (call: () => Promise<unknown>, success: string) => Promise<boolean>;
}) {
  const t = useT(leaderMessages);
  return (
    <>
      <TextDialog
        open={dialog === 'case'}
        title={`${t('case.take')} · ${order.orderNo}`}
        label={t('case.note')}
        required={false}
        testId="case-dialog"
        onClose={onClose}
        onSubmit={(text) => run(() => takeCase(order.id, text || undefined), t('case.take'))}
      />
      <TextDialog
        open={dialog === 'instruction'}
        title={t('instruction.title', { orderNo: order.orderNo })}
        label={t('instruction.text')}
        testId="instruction-dialog"
        onClose={onClose}
        onSubmit={(text) => run(() => writeInstruction(order.id, text), t('instruction.write'))}
      />
      <TextDialog
        open={dialog === 'difficult'}
        title={t('difficult.title', { orderNo: order.orderNo })}
        label={t('difficult.reason')}
        testId="difficult-dialog"
        onClose={onClose}
        onSubmit={(text) => run(() => markDifficult(order.id, text), t('difficult.mark'))}
      />
      <TextDialog
        open={dialog === 'undifficult'}
        title={t('difficult.unmarkTitle', { orderNo: order.orderNo })}
        label={t('difficult.unmarkReason')}
        testId="undifficult-dialog"
        onClose={onClose}
        onSubmit={(text) => run(() => unmarkDifficult(order.id, text), t('difficult.unmark'))}
      />
      <TextDialog
        open={dialog === 'consult'}
        title={t('consult.openTitle', { orderNo: order.orderNo })}
        label={t('consult.topic')}
        testId="consult-dialog"
        extra={
          <Form.Item name="unitIds" label={t('consult.units')} rules={[{ required: true }]}>
            <UnitMultiPicker testId="consult-units" />
          </Form.Item>
        }
        onClose={onClose}
        onSubmit={(text, values) =>
          run(() => openConsultation(order.id, { topic: text, unitIds: (values.unitIds as string[]) ?? [] }), t('consult.open'))
        }
      />
    </>
  );
}
