import { Button, Card, Descriptions, Empty, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../shared/i18n';
import { CONSULT_OPENER_ROLES, type ConsultationView } from '../../shared/contract';
import { useWrite } from '../api/mutation';
import { useUnits } from '../api/queries';
import { formatTime } from '../common/tags';
import { subtreeIds } from '../common/tree';
import { hasRole, isUnitScoped, useSession } from '../shell/session';
import { concludeConsultation, giveOpinion } from './leader-api';
import { leaderMessages } from './leader.messages';
import { TextDialog } from './TextDialog';

type Step = { kind: 'opinion' | 'conclude'; c: ConsultationView };
const INVALIDATE = [['orders'], ['order'], ['timeline']];

/** 会商 with each unit's opinion (待提交 until given) and the conclusion; the buttons each reader may use. */
export function ConsultationList({ items, showOrder }: { items: ConsultationView[]; showOrder?: boolean }) {
  const t = useT(leaderMessages);
  const me = useSession();
  const write = useWrite();
  const units = useUnits();
  const own = useMemo(() => subtreeIds(units.data?.items, me.unitId), [units.data, me.unitId]);
  const opener = hasRole(me, ...CONSULT_OPENER_ROLES);
  const [step, setStep] = useState<Step | null>(null);
  const waitingOnMe = (c: ConsultationView) =>
    isUnitScoped(me) && !c.concludedAt && c.units.some((u) => u.opinion === null && own.has(u.unitId));

  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('consult.none')} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {items.map((c) => (
        <Card
          key={c.id}
          size="small"
          data-testid="consultation"
          title={
            <Space wrap size={4}>
              {showOrder && <Link to={`/orders/${c.orderId}`}>{c.orderNo}</Link>}
              <Typography.Text>{c.topic}</Typography.Text>
            </Space>
          }
          extra={
            <Space>
              {waitingOnMe(c) && (
                <Button size="small" type="primary" data-testid="consult-opinion" onClick={() => setStep({ kind: 'opinion', c })}>
                  {t('consult.opinion')}
                </Button>
              )}
              {opener && !c.concludedAt && (
                <Button size="small" data-testid="consult-conclude" onClick={() => setStep({ kind: 'conclude', c })}>
                  {t('consult.conclude')}
                </Button>
              )}
            </Space>
          }
        >
          <Typography.Text type="secondary">
            {t('consult.by', { name: c.openedByName })} · {formatTime(c.openedAt)}
          </Typography.Text>
          <Descriptions
            size="small"
            column={1}
            style={{ marginTop: 8 }}
            items={c.units.map((u) => ({
              key: u.unitId,
              label: u.unitName,
              children: u.opinion ? (
                <span data-testid="consult-unit-opinion">{u.opinion}</span>
              ) : (
                <Tag>{t('consult.waiting')}</Tag>
              ),
            }))}
          />
          {c.conclusion && (
            <div style={{ marginTop: 8 }} data-testid="consult-conclusion">
              <Typography.Text strong>{t('consult.conclusion')}：</Typography.Text>
              {c.conclusion}
            </div>
          )}
        </Card>
      ))}
      <TextDialog
        open={step !== null}
        title={t(step?.kind === 'conclude' ? 'consult.concludeTitle' : 'consult.opinionTitle', {
          orderNo: step?.c.orderNo ?? '',
        })}
        label={t(step?.kind === 'conclude' ? 'consult.conclusion' : 'consult.opinionText')}
        testId={step?.kind === 'conclude' ? 'consult-conclude-dialog' : 'consult-opinion-dialog'}
        onClose={() => setStep(null)}
        onSubmit={async (text) => {
          if (!step) return false;
          const call =
            step.kind === 'conclude' ? () => concludeConsultation(step.c.id, text) : () => giveOpinion(step.c.id, text);
          return (
            await write(call, {
              success: t(step.kind === 'conclude' ? 'consult.conclude' : 'consult.opinion'),
              invalidate: INVALIDATE,
            })
          ).ok;
        }}
      />
    </Space>
  );
}
