import { Button, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useLang, useT } from '../../shared/i18n';
import { INSTRUCTION_STATUS_LABELS, type InstructionStatus, type InstructionView } from '../../shared/contract';
import { useWrite } from '../api/mutation';
import { formatTime } from '../common/tags';
import { useSession, isUnitScoped } from '../shell/session';
import { acknowledgeInstruction, answerInstruction } from './leader-api';
import { leaderMessages } from './leader.messages';
import { TextDialog } from './TextDialog';

const COLOUR: Record<InstructionStatus, string> = { open: 'red', acknowledged: 'orange', answered: 'green' };

export function InstructionStatusTag({ status }: { status: InstructionStatus }) {
  const { lang } = useLang();
  return <Tag color={COLOUR[status]}>{INSTRUCTION_STATUS_LABELS[status][lang]}</Tag>;
}

/**
 * 批示 with where each stands; a unit person gets 签收 / 答复 on those addressed to their unit (the
 * server checks the unit; the list only holds what the reader may see).
 */
export function InstructionList({ items, showOrder }: { items: InstructionView[]; showOrder?: boolean }) {
  const t = useT(leaderMessages);
  const me = useSession();
  const write = useWrite();
  const unit = isUnitScoped(me);
  const [answering, setAnswering] = useState<InstructionView | null>(null);
  const ack = (i: InstructionView) =>
    write(() => acknowledgeInstruction(i.id), {
      success: t('instruction.acknowledge'),
      invalidate: [['orders'], ['order'], ['timeline']],
    });
  return (
    <>
      <List
        size="small"
        dataSource={items}
        locale={{ emptyText: t('instruction.none') }}
        renderItem={(i) => (
          <List.Item
            data-testid="instruction-item"
            data-status={i.status}
            actions={
              unit
                ? [
                    i.status === 'open' && (
                      <Button key="ack" size="small" type="primary" data-testid="instruction-ack" onClick={() => void ack(i)}>
                        {t('instruction.acknowledge')}
                      </Button>
                    ),
                    i.status === 'acknowledged' && (
                      <Button
                        key="answer"
                        size="small"
                        type="primary"
                        data-testid="instruction-answer"
                        onClick={() => setAnswering(i)}
                      >
                        {t('instruction.answer')}
                      </Button>
                    ),
                  ].filter(Boolean)
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space wrap size={4}>
                  <InstructionStatusTag status={i.status} />
                  {showOrder && <Link to={`/orders/${i.orderId}`}>{i.orderNo}</Link>}
                  <Typography.Text type="secondary">
                    {t('instruction.by', { leader: i.leaderName })} · {formatTime(i.issuedAt)} · {i.unitName}
                  </Typography.Text>
                </Space>
              }
              description={
                <>
                  <div style={{ whiteSpace: 'pre-wrap' }} data-testid="instruction-text">
                    {i.text}
                  </div>
                  {i.answer && (
                    <div style={{ whiteSpace: 'pre-wrap', marginTop: 4 }} data-testid="instruction-answer-text">
                      <Typography.Text strong>{t('instruction.answeredBy', { name: i.answeredByName ?? '' })}：</Typography.Text>
                      {i.answer}
                    </div>
                  )}
                </>
              }
            />
          </List.Item>
        )}
      />
      <TextDialog
        open={answering !== null}
        title={t('instruction.answerTitle', { orderNo: answering?.orderNo ?? '' })}
        label={t('instruction.answerText')}
        testId="instruction-answer-dialog"
        onClose={() => setAnswering(null)}
        onSubmit={async (text) =>
          answering !== null &&
          (
            await write(() => answerInstruction(answering.id, text), {
              success: t('instruction.answer'),
              invalidate: [['orders'], ['order'], ['timeline']],
            })
          ).ok
        }
      />
    </>
  );
}
