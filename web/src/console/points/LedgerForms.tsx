import { Alert, Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { ACTIVITY_KIND_LABELS, type PointsEntryView } from '../../shared/contract';
import { useLang, useT } from '../../shared/i18n';
import { useApiMutation } from '../api/mutation';
import { awardPoints, correctEntry, pointsKeys, redeemForResident, usePointsRules, useShops } from './points-api';
import { pointsMessages } from './points.messages';

const invalidate = [pointsKeys.all];

function Submit({ busy, testId, onCancel }: { busy: boolean; testId: string; onCancel: () => void }) {
  const t = useT(pointsMessages);
  return (
    <Space>
      <Button type="primary" htmlType="submit" loading={busy} data-testid={testId}>
        {t('save')}
      </Button>
      <Button onClick={onCancel}>{t('cancel')}</Button>
    </Space>
  );
}

/** 发放积分: an active rule (its activity and points) and the evidence the staff member saw. */
export function AwardForm({ residentId, onDone }: { residentId: string; onDone: () => void }) {
  const t = useT(pointsMessages);
  const { lang } = useLang();
  const rules = (usePointsRules().data?.rules ?? []).filter((r) => r.active);
  const award = useApiMutation((v: { ruleId: string; evidence: string; note?: string }) => awardPoints(residentId, v), {
    success: (e) => t('awarded', { points: e.points }),
    invalidate,
    onSuccess: onDone,
  });
  return (
    <Form
      layout="vertical"
      onFinish={(v: { ruleId: string; evidence: string; note?: string }) =>
        award.mutate({ ruleId: v.ruleId, evidence: v.evidence.trim(), ...(v.note?.trim() ? { note: v.note.trim() } : {}) })
      }
      data-testid="award-form"
    >
      <Form.Item name="ruleId" label={t('rule')} rules={[{ required: true }]}>
        <Select
          data-testid="award-rule"
          options={rules.map((r) => ({
            value: r.id,
            label: `${ACTIVITY_KIND_LABELS[r.activityKind][lang]} · ${r.name}（+${r.points}）`,
          }))}
        />
      </Form.Item>
      <Form.Item name="evidence" label={t('evidence')} rules={[{ required: true, whitespace: true, max: 500 }]}>
        <Input.TextArea rows={3} data-testid="award-evidence" />
      </Form.Item>
      <Form.Item name="note" label={t('note')} rules={[{ max: 200 }]}>
        <Input data-testid="award-note" />
      </Form.Item>
      <Submit busy={award.isPending} testId="award-save" onCancel={onDone} />
    </Form>
  );
}

/** 爱心超市兑换 for the resident at the counter: goods of the shops in reach; stock and balance checked by the server. */
export function RedeemForm({ residentId, balance, onDone }: { residentId: string; balance: number; onDone: () => void }) {
  const t = useT(pointsMessages);
  const shops = useShops().data?.shops ?? [];
  const redeem = useApiMutation((v: { itemId: string; quantity: number }) => redeemForResident(residentId, v), {
    success: (r) => t('redeemed', { balance: r.balance, stock: r.stockLeft }),
    invalidate,
    onSuccess: onDone,
  });
  const options = shops.flatMap((s) =>
    s.items.map((i) => ({
      value: i.id,
      label: t('itemOption', { shop: s.name, name: i.name, cost: i.cost, stock: i.stock }),
      disabled: i.stock === 0 || i.cost > balance,
    })),
  );
  return (
    <Form layout="vertical" initialValues={{ quantity: 1 }} onFinish={redeem.mutate} data-testid="redeem-form">
      <Alert type="info" title={`${t('balance')}：${balance}`} style={{ marginBottom: 12 }} />
      <Form.Item name="itemId" label={t('item')} rules={[{ required: true }]}>
        <Select options={options} data-testid="redeem-item" />
      </Form.Item>
      <Form.Item name="quantity" label={t('quantity')} rules={[{ required: true }]}>
        <InputNumber min={1} max={100} precision={0} data-testid="redeem-quantity" />
      </Form.Item>
      <Submit busy={redeem.isPending} testId="redeem-save" onCancel={onDone} />
    </Form>
  );
}

/** 更正: a new entry naming the one it corrects (the ledger is never edited). */
export function CorrectForm(props: { residentId: string; entry: PointsEntryView; onDone: () => void }) {
  const t = useT(pointsMessages);
  const correct = useApiMutation(
    (v: { points: number; reason: string }) =>
      correctEntry(props.residentId, { entryId: props.entry.id, points: v.points, reason: v.reason.trim() }),
    { success: t('corrected'), invalidate, onSuccess: props.onDone },
  );
  return (
    <Form layout="vertical" onFinish={correct.mutate} data-testid="correct-form">
      <Alert type="info" title={t('correctHint')} style={{ marginBottom: 12 }} />
      <Form.Item
        name="points"
        label={t('correctPoints')}
        rules={[
          { required: true },
          { validator: (_, v) => (v === 0 ? Promise.reject(new Error(t('nonZero'))) : Promise.resolve()) },
        ]}
      >
        <InputNumber min={-1000} max={1000} precision={0} data-testid="correct-points" />
      </Form.Item>
      <Form.Item name="reason" label={t('reason')} rules={[{ required: true, whitespace: true, max: 200 }]}>
        <Input data-testid="correct-reason" />
      </Form.Item>
      <Submit busy={correct.isPending} testId="correct-save" onCancel={props.onDone} />
    </Form>
  );
}
